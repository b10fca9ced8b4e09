import { beforeAll, describe, expect, it } from "vitest";
import { adminStrings } from "../../app/locales/admin";
import { loader as indexLoader } from "../../app/routes/settings._index";
import { loader as layoutLoader } from "../../app/routes/settings";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type LayoutData = { pages: Array<{ id: string; path: string }>; organisationName: string };

let cast: Cast;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  cast = await createCast();
  for (const who of ["admin", "manager", "hr", "leadOps", "member"] as const)
    cookies[who] = await cookieFor(cast[who].id);
});

describe("/settings (index)", () => {
  it("sends someone signed out to sign in, and back here afterwards", async () => {
    const result = await callRoute(indexLoader, get("/settings"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Fsettings");
  });

  it("opens the first page the viewer may see", async () => {
    for (const who of ["admin", "manager"] as const) {
      const result = await callRoute(indexLoader, get("/settings", { Cookie: cookies[who] }));
      expect(result.status, who).toBe(302);
      expect(result.headers.get("Location"), who).toBe("/settings/organisation");
    }
  });

  it("opens one's own account for kinds with no other settings page", async () => {
    for (const who of ["hr", "leadOps", "member"] as const) {
      const result = await callRoute(indexLoader, get("/settings", { Cookie: cookies[who] }));
      expect(result.status, who).toBe(302);
      expect(result.headers.get("Location"), who).toBe("/settings/account");
    }
  });
});

describe("/settings (layout)", () => {
  it("shows the admin all eight tabs, in order", async () => {
    const result = await callRoute<LayoutData>(layoutLoader, get("/settings/people", { Cookie: cookies.admin }));
    expect(result.status).toBe(200);
    expect(result.data.pages.map((page) => page.path)).toEqual([
      "/settings/organisation",
      "/settings/profile",
      "/settings/people",
      "/settings/tokens",
      "/settings/security",
      "/settings/outbox",
      "/settings/account",
      "/settings/notifications",
    ]);
    expect(result.data.organisationName).toBe(cast.organisation.name);
  });

  it("shows a manager the organisation and business profile tabs and their own account and emails, and the others only their own", async () => {
    const manager = await callRoute<LayoutData>(layoutLoader, get("/settings", { Cookie: cookies.manager }));
    expect(manager.data.pages.map((page) => page.id)).toEqual(["organisation", "profile", "account", "notifications"]);
    for (const who of ["hr", "leadOps", "member"] as const) {
      const result = await callRoute<LayoutData>(layoutLoader, get("/settings", { Cookie: cookies[who] }));
      expect(
        result.data.pages.map((page) => page.id),
        who,
      ).toEqual(["account", "notifications"]);
    }
  });
});

describe("admin strings", () => {
  function keys(value: unknown, prefix = ""): string[] {
    if (typeof value !== "object" || value === null) return [prefix];
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }

  it("have the same keys in Chinese and English, none empty", () => {
    expect(keys(adminStrings.zh).sort()).toEqual(keys(adminStrings.en).sort());
    const texts = [adminStrings.en, adminStrings.zh].flatMap(
      (strings) => JSON.stringify(strings).match(/"[^"]*"/g) ?? [],
    );
    expect(texts).not.toContain('""');
  });

  it("are Chinese in Chinese", () => {
    expect(adminStrings.zh.people.title).toMatch(/[\u4e00-\u9fff]/);
    expect(adminStrings.zh.security.types.user_disabled).toMatch(/[\u4e00-\u9fff]/);
  });
});
