/**
 * Ownership benchmark (issue 7). Prints:
 *   - the pure checks (checkOwnership) for 20 steps / 40 members (the demo),
 *     200 steps / 1,000 members and 1,000 steps / 5,000 members;
 *   - on a database of its own, the data access behind the matrix page
 *     (loadOwnership: steps, cells, team, checks) and one cell write
 *     (setCell, a transaction), for 20 and 220 stored steps with 1,000 members.
 * Medians of repeated runs.
 *
 *   npm run bench:ownership
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkOwnership, type OwnershipStep, type RaciCell } from "../app/domain/ownership-checks";
import { RACI_LETTERS } from "../app/domain/process-steps";
import type { TeamMember } from "../app/domain/team";
import { CORE_ROLE_IDS } from "../app/domain/types";

const REPEAT = Number(process.env.BENCH_REPEAT ?? 30);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(fn: () => unknown | Promise<unknown>, repeat = REPEAT): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

function world(steps: number, members: number) {
  const list: OwnershipStep[] = Array.from({ length: steps }, (_, i) => ({
    key: `s${i}`,
    section: (["core", "logistics", "localisation", "data_compliance", "systems"] as const)[i % 5],
    position: i,
    resolved: i % 17 === 0,
    retired: i % 23 === 0,
  }));
  const cells: RaciCell[] = list.flatMap((step, i) =>
    CORE_ROLE_IDS.filter((_, r) => (i + r) % 3 !== 0).map((roleId, r) => ({
      stepKey: step.key,
      roleId,
      letter: RACI_LETTERS[(i + r) % 5],
    })),
  );
  const team: TeamMember[] = Array.from({ length: members }, (_, i) => ({
    id: `m${i}`,
    name: `m${i}`,
    department: null,
    managerId: null,
    roles: [{ roleId: CORE_ROLE_IDS[i % 6], share: 1 }],
  }));
  return { list, cells, team };
}

async function main() {
  console.log("checkOwnership (pure), median ms:");
  for (const [steps, members] of [
    [20, 40],
    [200, 1000],
    [1000, 5000],
  ]) {
    const { list, cells, team } = world(steps, members);
    const ms = await time(() => checkOwnership(list, cells, { members: team }), 200);
    const report = checkOwnership(list, cells, { members: team });
    console.log(
      `  ${steps} steps, ${cells.length} cells, ${members} members: ${ms.toFixed(3)} ms (${report.flaggedSteps} flagged steps, ${report.problems} problems)`,
    );
  }

  const file = path.resolve("data/bench-ownership.db");
  rmSync(file, { force: true });
  const DATABASE_URL = `file:${file}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL }, stdio: "pipe" });
  process.env.DATABASE_URL = DATABASE_URL;
  const { db } = await import("../app/utils/db.server");
  const { addStep, loadOwnership, setCell, storeDefaultSteps } = await import("../app/models/ownership.server");
  const organisation = await db.organisation.create({
    data: { name: "Bench", slug: "bench-ownership", operatingModel: "platform", stage: "growth" },
  });
  for (let i = 0; i < 1000; i++) {
    await db.member.create({
      data: {
        organisationId: organisation.id,
        name: `Member ${i}`,
        roles: { create: [{ roleId: CORE_ROLE_IDS[i % 7], sharePercent: 100 }] },
      },
    });
  }
  const base = { organisationId: organisation.id, model: "platform" as const };
  await storeDefaultSteps(base);
  console.log("database (1,000 members), median ms:");
  let letter = 0;
  const write = () => setCell({ ...base, key: "listing", roleId: "marketing", letter: RACI_LETTERS[letter++ % 5] });
  console.log(
    `  20 steps: loadOwnership ${(await time(() => loadOwnership(base))).toFixed(2)} ms, setCell ${(await time(write)).toFixed(2)} ms`,
  );
  for (let i = 0; i < 200; i++)
    await addStep({ ...base, section: "systems", name: { zh: `步骤 ${i}`, en: `Step ${i}` } });
  console.log(
    `  220 steps: loadOwnership ${(await time(() => loadOwnership(base))).toFixed(2)} ms, setCell ${(await time(write)).toFixed(2)} ms`,
  );
  await db.$disconnect();
  rmSync(file, { force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
