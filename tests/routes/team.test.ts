import { beforeAll, describe, expect, it } from "vitest";
import { activeTab } from "../../app/components/team/tabs";
import { loader } from "../../app/routes/team";
import { cookieFor, createCast } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type Cast = Awaited<ReturnType<typeof createCast>>;
type LayoutData = {
  organisationName: string;
  tabs: { id: string; path: string }[];
  model: { en: string } | null;
  stage: { en: string } | null;
};

let cast: Cast;
const cookie: Record<string, string> = {};
const as = (who: string) => ({ Cookie: cookie[who] });

beforeAll(async () => {
  cast = await createCast();
  for (const name of ["admin", "manager", "hr", "leadOps", "member", "otherAdmin"] as const) {
    cookie[name] = await cookieFor(cast[name].id);
  }
});

describe("the /team layout", () => {
  it("links the team pages; import and export only for those who may write members", async () => {
    for (const who of ["hr", "manager", "admin"]) {
      const result = await callRoute<LayoutData>(loader, get("/team", as(who)));
      expect(result.data.tabs.map((tab) => tab.path)).toEqual([
        "/team",
        "/team/gaps",
        "/team/heatmap",
        "/team/chart",
        "/team/import",
      ]);
    }
    for (const who of ["member", "leadOps"]) {
      const result = await callRoute<LayoutData>(loader, get("/team", as(who)));
      expect(result.data.tabs.map((tab) => tab.id)).toEqual(["members", "gaps", "heatmap", "chart"]);
    }
  });

  it("names the organisation and the model and stage the gaps are measured against", async () => {
    const result = await callRoute<LayoutData>(loader, get("/team", as("member")));
    expect(result.data.organisationName).toBe(cast.organisation.name);
    expect(result.data.model?.en).toBe("Marketplace seller");
    expect(result.data.stage).not.toBeNull();
  });

  it("sends anonymous visitors to sign in and back", async () => {
    const result = await callRoute(loader, get("/team/gaps"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Fteam%2Fgaps");
  });

  it("marks the members tab on a member's own pages", () => {
    expect(activeTab("/team")).toBe("members");
    expect(activeTab("/team/abc/edit")).toBe("members");
    expect(activeTab("/team/heatmap")).toBe("heatmap");
    expect(activeTab("/team/import/preview")).toBe("import");
  });
});
