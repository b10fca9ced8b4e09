/**
 * Training benchmark (issue "Training plans per member, and HR's progress
 * view"): seeds an organisation of 1,000 members with ten assessments and
 * ten training items each (a mix of planned, in progress, overdue, completed
 * and re-assessed, cancelled) into a database of its own, starts the
 * production server on it, and prints the server time of HR's progress page
 * and of GET /api/v1/training-progress (median and p95 of repeated requests
 * over loopback), and of the progress computation itself. Goal: < 200 ms.
 *
 *   npm run build && npm run bench:training
 */
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const ITEMS_PER_MEMBER = Number(process.env.BENCH_ITEMS ?? 10);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3401);
const DB_FILE = path.resolve("data/bench-training.db");
const DATABASE_URL = `file:${DB_FILE}`;
const PASSWORD = "bench-password-123";
const DAY = 86_400_000;

const ROLES = [
  "product_manager",
  "operations_manager",
  "tech_dev",
  "supply_chain",
  "marketing",
  "data_analysis",
  "compliance_risk",
] as const;
const KINDS = ["course", "mentoring", "outside_expert", "certification", "on_the_job", "industry_training"] as const;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function seed() {
  rmSync(DB_FILE, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL }, stdio: "pipe" });
  process.env.DATABASE_URL = DATABASE_URL;
  const { db } = await import("../app/utils/db.server");
  const { hashPassword } = await import("../app/utils/password.server");
  const { createApiToken } = await import("../app/models/api-token.server");
  const { shippedPlaybook } = await import("../app/domain/playbook");
  const skillsOf = new Map(shippedPlaybook.roles.map((role) => [role.id, role.skills.map((skill) => skill.skillId)]));
  const allSkills = shippedPlaybook.skills.map((skill) => skill.id);
  const organisation = await db.organisation.create({
    data: {
      name: `Bench training ${MEMBERS}`,
      slug: `bench-training-${MEMBERS}`,
      operatingModel: "independent_site",
      stage: "growth",
    },
  });
  const email = "hr@bench-training.example";
  const hr = await db.user.create({
    data: {
      organisationId: organisation.id,
      email,
      name: "Bench HR",
      kind: "hr",
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  const members = Array.from({ length: MEMBERS }, (_, i) => ({
    id: `tm-${i}`,
    organisationId: organisation.id,
    name: `Member ${String(i).padStart(5, "0")}`,
    department: ROLES[i % ROLES.length],
    title: "Specialist",
  }));
  for (let i = 0; i < members.length; i += 500) await db.member.createMany({ data: members.slice(i, i + 500) });
  const roles = members.map((member, i) => ({
    memberId: member.id,
    roleId: ROLES[i % ROLES.length],
    sharePercent: 100,
  }));
  for (let i = 0; i < roles.length; i += 1000) await db.memberRole.createMany({ data: roles.slice(i, i + 1000) });
  const now = Date.now();
  const assessments = members.flatMap((member, i) => {
    const skills = skillsOf.get(ROLES[i % ROLES.length]) ?? [];
    return Array.from({ length: 10 }, (_, k) => ({
      organisationId: organisation.id,
      memberId: member.id,
      skillId: skills[k % skills.length],
      level: (i + k) % 5,
      assessedOn: new Date(now - (400 - k * 30) * DAY),
      assessorName: "Bench",
    }));
  });
  for (let i = 0; i < assessments.length; i += 2000)
    await db.skillAssessment.createMany({ data: assessments.slice(i, i + 2000) });
  const items = members.flatMap((member, i) =>
    Array.from({ length: ITEMS_PER_MEMBER }, (_, k) => {
      const roll = (i * 7 + k * 13) % 10;
      const completedAt = new Date(now - ((i + k) % 300) * DAY - DAY);
      const status = roll < 3 ? "completed" : roll < 6 ? "in_progress" : roll < 9 ? "planned" : "cancelled";
      return {
        organisationId: organisation.id,
        memberId: member.id,
        skillId: allSkills[(i + k) % allSkills.length],
        fromLevel: k % 3,
        targetLevel: 3,
        kind: KINDS[(i + k) % KINDS.length],
        provider: "https://learn.example/course",
        startDate: new Date(now - 120 * DAY),
        // some open items overdue, some due soon, some later
        dueDate: new Date(now + (((i * 3 + k * 11) % 120) - 40) * DAY),
        hours: 8 + k,
        status,
        progressPercent: status === "completed" ? 100 : (i + k) % 90,
        completedAt: status === "completed" ? completedAt : null,
        levelBefore: status === "completed" ? k % 3 : null,
        reassessmentRequestedAt: status === "completed" ? completedAt : null,
      };
    }),
  );
  for (let i = 0; i < items.length; i += 2000) await db.trainingItem.createMany({ data: items.slice(i, i + 2000) });
  const token = await createApiToken({
    organisationId: organisation.id,
    createdById: hr.id,
    name: "Bench BI",
    ipAddress: null,
  });
  await db.$disconnect();
  return { organisationId: organisation.id, email, token: token.token, items: items.length };
}

async function measureComputation(organisationId: string): Promise<number> {
  const { loadTrainingProgress } = await import("../app/models/training.server");
  const { shippedPlaybook } = await import("../app/domain/playbook");
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    await loadTrainingProgress({
      organisationId,
      actor: null,
      organisation: { operatingModel: "independent_site", stage: "growth" },
      playbook: shippedPlaybook,
    });
    times.push(performance.now() - started);
  }
  return percentile(times, 0.5);
}

async function waitForServer(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not start: ${url}`);
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`http://localhost:${PORT}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: PASSWORD }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return cookie;
}

async function timeRequests(
  url: string,
  headers: Record<string, string>,
): Promise<{ median: number; p95: number; bytes: number; first: number }> {
  const times: number[] = [];
  let bytes = 0;
  let first = 0;
  for (let i = 0; i < REPEAT + 3; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.text();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (i === 0) first = performance.now() - started;
    if (i >= 3) times.push(performance.now() - started);
    bytes = body.length;
  }
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), bytes, first };
}

async function main() {
  console.log(`Seeding ${MEMBERS} members × ${ITEMS_PER_MEMBER} training items (10 assessments each)…`);
  const seeded = await seed();
  const server = spawn("node", ["server.mjs"], {
    env: { ...process.env, DATABASE_URL, PORT: String(PORT), NODE_ENV: "production", INSECURE_COOKIES: "1" },
    stdio: "ignore",
  });
  try {
    await waitForServer(`http://localhost:${PORT}/healthz`);
    const cookie = await signIn(seeded.email);
    const page = await timeRequests(`http://localhost:${PORT}/training`, { Cookie: cookie });
    const filtered = await timeRequests(`http://localhost:${PORT}/training?status=overdue&sort=member`, {
      Cookie: cookie,
    });
    const api = await timeRequests(`http://localhost:${PORT}/api/v1/training-progress`, {
      Authorization: `Bearer ${seeded.token}`,
    });
    const computation = await measureComputation(seeded.organisationId);
    // "first": the first request of the series; for the page, the one that reads the inputs from the database (decision 0006)
    const line = (label: string, result: { median: number; p95: number; bytes: number; first: number }) =>
      `${label.padEnd(36)} median ${result.median.toFixed(1).padStart(6)} ms | p95 ${result.p95.toFixed(1).padStart(6)} ms | first ${result.first.toFixed(0).padStart(5)} ms | ${(result.bytes / 1024).toFixed(0)} KB | ${result.median < 200 ? "under" : "OVER"} the 200 ms goal`;
    console.log(`${MEMBERS} members, ${seeded.items} items, ${REPEAT} requests each:`);
    console.log(line("HR's progress page /training", page));
    console.log(line("  filtered (?status=overdue)", filtered));
    console.log(line("GET /api/v1/training-progress", api));
    console.log(`${"load + compute (in process, kept)".padEnd(36)} median ${computation.toFixed(1).padStart(6)} ms`);
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
