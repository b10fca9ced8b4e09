import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import { createOrganisation } from "../utils/actors";

const run = promisify(execFile);
const WORKER = path.resolve("tests/server/fixtures/concurrent-writer.ts");
const SAVES = 40;

/**
 * The production server runs one worker per core on one SQLite file (decision
 * 0017). Two processes, each with its own connection, save at once through
 * the app's writers: every save lands or is refused as a conflict and tried
 * again; none fails (a 500) and none is lost.
 */
describe("writers in two processes at once", () => {
  it("loses no update and fails no save", async () => {
    const org = await createOrganisation();
    const member = await db.member.create({
      data: {
        organisationId: org.id,
        name: "Shared",
        title: "0",
        department: "marketing",
        roles: { create: [{ roleId: "marketing", sharePercent: 100 }] },
      },
    });
    const outcomes = await Promise.all(
      [1, 2].map(async () => {
        const { stdout } = await run(process.execPath, ["--import", "tsx", WORKER, org.id, member.id, String(SAVES)], {
          env: process.env,
          timeout: 60_000,
        }).catch((error: { code?: number; signal?: string; stdout?: string; stderr?: string }) => {
          // what the process said, so a failure names its cause
          throw new Error(
            `writer process failed: code ${error.code}, signal ${error.signal}\n${error.stdout}\n${error.stderr}`,
          );
        });
        return JSON.parse(stdout.trim().split("\n").at(-1)!) as {
          assessments: number;
          increments: number;
          conflicts: number;
          errors: string[];
        };
      }),
    );
    expect(outcomes.flatMap((outcome) => outcome.errors)).toEqual([]);
    const increments = outcomes.reduce((sum, outcome) => sum + outcome.increments, 0);
    const assessments = outcomes.reduce((sum, outcome) => sum + outcome.assessments, 0);
    expect(increments).toBe(SAVES);
    expect(assessments).toBe(SAVES);
    const saved = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(saved.title).toBe(String(SAVES));
    expect(saved.version).toBe(1 + SAVES);
    expect(await db.skillAssessment.count({ where: { memberId: member.id } })).toBe(SAVES);
    expect(await db.latestSkillLevel.count({ where: { memberId: member.id } })).toBe(1);
  }, 120_000);
});
