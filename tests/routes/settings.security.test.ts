import { beforeAll, describe, expect, it } from "vitest";
import { SECURITY_LOG_PAGE_SIZE } from "../../app/models/user-admin.server";
import { loader } from "../../app/routes/settings.security";
import { db } from "../../app/utils/db.server";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
interface Entry {
  id: string;
  type: string;
  createdAt: Date;
  actor: { name: string; email: string } | null;
  subject: { name: string; email: string } | null;
  detail: Record<string, unknown>;
  ipAddress: string | null;
}
interface LoaderData {
  entries: Entry[];
  next: { before: string; beforeId: string } | null;
  firstPage: boolean;
  type: string | null;
  problems: string[];
}

let cast: Cast;
const cookies: Record<string, string> = {};
const base = new Date("2026-01-01T00:00:00.000Z");

beforeAll(async () => {
  cast = await createCast();
  for (const who of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const)
    cookies[who] = await cookieFor(cast[who].id);
  // 120 events of ours, many within the same millisecond (the cursor must neither skip nor repeat them), and some of another organisation
  const rows = Array.from({ length: 120 }, (_, index) => ({
    organisationId: cast.organisation.id,
    type: index % 3 === 0 ? "user_disabled" : "sign_in",
    actorUserId: cast.admin.id,
    subjectUserId: index % 3 === 0 ? cast.member.id : null,
    detail: JSON.stringify(index % 3 === 0 ? { sessionsEnded: 1 } : {}),
    ipAddress: "203.0.113.7",
    createdAt: new Date(base.getTime() + Math.floor(index / 4) * 1000),
  }));
  await db.securityEvent.createMany({ data: rows });
  await db.securityEvent.createMany({
    data: Array.from({ length: 5 }, () => ({
      organisationId: cast.other.id,
      type: "sign_in",
      actorUserId: cast.otherAdmin.id,
      detail: "{}",
      createdAt: base,
    })),
  });
});

const page = (search: string, cookie = cookies.admin) =>
  callRoute<LoaderData>(loader, get(`/settings/security${search}`, { Cookie: cookie }));

describe("GET /settings/security", () => {
  it("shows the admin their organisation's events, newest first, 50 a page, with names instead of ids", async () => {
    const first = await page("");
    expect(first.status).toBe(200);
    expect(first.data.entries).toHaveLength(SECURITY_LOG_PAGE_SIZE);
    expect(SECURITY_LOG_PAGE_SIZE).toBe(50);
    const times = first.data.entries.map((entry) => new Date(entry.createdAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const disabled = first.data.entries.find((entry) => entry.type === "user_disabled")!;
    expect(disabled).toMatchObject({
      actor: { name: cast.admin.name, email: cast.admin.email },
      subject: { name: cast.member.name, email: cast.member.email },
      detail: { sessionsEnded: 1 },
      ipAddress: "203.0.113.7",
    });
    expect(first.data.firstPage).toBe(true);
  });

  it("pages through every event exactly once", async () => {
    const seen: string[] = [];
    let search = "";
    for (let pages = 0; pages < 10; pages++) {
      const result = await page(search);
      expect(result.status).toBe(200);
      seen.push(...result.data.entries.map((entry) => entry.id));
      if (!result.data.next) break;
      search = `?${new URLSearchParams(result.data.next)}`;
    }
    const ours = await db.securityEvent.findMany({
      where: { organisationId: cast.organisation.id },
      select: { id: true },
    });
    expect(seen).toHaveLength(ours.length);
    expect(new Set(seen)).toEqual(new Set(ours.map((row) => row.id)));
  });

  it("filters by type, and pages within the filter", async () => {
    const first = await page("?type=user_disabled");
    expect(first.data.type).toBe("user_disabled");
    expect(first.data.entries.every((entry) => entry.type === "user_disabled")).toBe(true);
    expect(first.data.entries).toHaveLength(40);
    expect(first.data.next).toBeNull();
  });

  it("shows the empty state's data for a type with no events", async () => {
    const result = await page("?type=token_revoked");
    expect(result.status).toBe(200);
    expect(result.data.entries).toEqual([]);
  });

  it("answers 400 to an unknown type or a broken cursor, and still shows the newest events", async () => {
    const type = await page("?type=drop_table");
    expect(type.status).toBe(400);
    expect(type.data.problems).toEqual(["type"]);
    expect(type.data.type).toBeNull();
    expect(type.data.entries).toHaveLength(50);
    const cursor = await page("?before=yesterday&beforeId=x");
    expect(cursor.status).toBe(400);
    expect(cursor.data.problems).toEqual(["cursor"]);
    expect(cursor.data.firstPage).toBe(true);
  });

  it("never shows another organisation's events", async () => {
    const theirs = await page("", cookies.otherAdmin);
    expect(theirs.data.entries.every((entry) => entry.actor?.email !== cast.admin.email)).toBe(true);
    expect(theirs.data.entries.some((entry) => entry.actor?.email === cast.otherAdmin.email)).toBe(true);
  });

  it("refuses every kind but admin with 403", async () => {
    for (const who of ["manager", "hr", "leadOps", "member"] as const) {
      expect((await page("", cookies[who])).status, who).toBe(403);
    }
  });
});

describe("times in the log", () => {
  it("read in the reader's language, and say UTC until the browser knows its zone", async () => {
    const { formatDateTime } = await import("../../app/components/ui");
    const moment = new Date("2026-03-05T14:07:00Z");
    expect(formatDateTime(moment, "en", "UTC")).toMatch(/Mar 5, 2026.*02:07.*PM.*UTC/);
    const zh = formatDateTime(moment, "zh", "UTC");
    for (const part of ["2026年3月5日", "14:07", "UTC"]) expect(zh).toContain(part);
    expect(() => formatDateTime(moment, "zh")).not.toThrow();
  });
});
