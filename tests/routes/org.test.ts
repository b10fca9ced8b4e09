import { describe, expect, it } from "vitest";
import type { UserKind } from "../../app/domain/permissions";
import { loader } from "../../app/routes/org";
import { languageCookie } from "../../app/utils/i18n.server";
import { cookieFor, createOrganisation, createUser } from "../utils/actors";
import { callRoute, get } from "../utils/route";

type OrgPage = Awaited<ReturnType<typeof loader>>;

async function visit(kind: UserKind, headers: Record<string, string> = {}) {
  const organisation = await createOrganisation({
    name: "Harbour Goods 海港优品",
    operatingModel: "b2b",
    stage: "mature",
  });
  const user = await createUser({ organisationId: organisation.id, kind, name: `Wang Fang 王芳` });
  const cookie = await cookieFor(user.id);
  return callRoute<OrgPage>(
    loader,
    get("/org", { Cookie: [cookie, headers.Cookie].filter(Boolean).join("; "), "Accept-Language": "en" }),
  );
}

describe("GET /org", () => {
  it("sends an anonymous visitor to sign in, and back here afterwards", async () => {
    const result = await callRoute(loader, get("/org"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Forg");
  });

  it("shows the organisation, its model and stage, and links the planner with them", async () => {
    const result = await visit("member");
    expect(result.status).toBe(200);
    expect(result.data.organisation).toEqual({
      name: "Harbour Goods 海港优品",
      model: { id: "b2b", label: "Cross-border B2B" },
      stage: { id: "mature", label: "Mature" },
    });
    expect(result.data.plannerHref).toBe("/planner?model=b2b&stage=mature");
    expect(result.data.viewer).toEqual({ name: "Wang Fang 王芳", kind: "member" });
  });

  it("gives the playbook's labels in Chinese", async () => {
    const zhCookie = (await languageCookie.serialize("zh")).split(";")[0];
    const result = await visit("member", { Cookie: zhCookie });
    expect(result.data.organisation.model.label).toBe("跨境B2B");
    expect(result.data.organisation.stage.label).toBe("成熟期");
  });

  it("points admins and managers, and only them, to where the model and stage change", async () => {
    const hints = await Promise.all(
      (["admin", "manager", "hr", "lead", "member"] as const).map(async (kind) => [
        kind,
        (await visit(kind)).data.canChangeModel,
      ]),
    );
    expect(Object.fromEntries(hints)).toEqual({ admin: true, manager: true, hr: false, lead: false, member: false });
  });

  it("shows each person their own organisation only", async () => {
    const other = await createOrganisation({ name: "Other Org" });
    const outsider = await createUser({ organisationId: other.id, kind: "admin" });
    const result = await callRoute<OrgPage>(loader, get("/org", { Cookie: await cookieFor(outsider.id) }));
    expect(result.data.organisation.name).toBe("Other Org");
  });
});
