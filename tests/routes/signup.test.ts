import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/signup";
import { authStrings } from "../../app/locales/auth";
import { getSignedIn } from "../../app/utils/auth.server";
import { db } from "../../app/utils/db.server";
import { verifyPassword } from "../../app/utils/password.server";
import { cookieFor, createOrganisation, createUser } from "../utils/actors";
import { signUpAndConfirm } from "../utils/signup";
import { callRoute, get, post } from "../utils/route";

type Reply = { lastResult: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };
type SignupData = Awaited<ReturnType<typeof loader>>;

const fromAddress = (ip: string) => (args: Parameters<typeof action>[0]) =>
  action({ ...args, context: { clientAddress: ip } });

function founder(overrides: Record<string, string> = {}) {
  return {
    organisationName: "Harbour Goods 海港优品",
    model: "independent_site",
    stage: "startup",
    name: "Zhao Lei 赵磊",
    email: `founder-${randomUUID()}@test.example`,
    password: "a long enough secret",
    ...overrides,
  };
}

async function counts() {
  const [organisations, users, sessions, events] = await Promise.all([
    db.organisation.count(),
    db.user.count(),
    db.session.count(),
    db.securityEvent.count(),
  ]);
  return { organisations, users, sessions, events };
}

/** Every leaf of an object, as dotted keys. */
function keysOf(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === "string" ? [`${prefix}${key}`] : keysOf(child as object, `${prefix}${key}.`),
  );
}

describe("GET /signup", () => {
  it("prefills the model and stage chosen in the planner", async () => {
    const result = await callRoute<SignupData>(loader, get("/signup?model=b2b&stage=mature"));
    expect(result.status).toBe(200);
    expect(result.data.prefill).toEqual({ model: "b2b", stage: "mature" });
    expect(result.data.models.map((model) => model.id)).toEqual([
      "platform",
      "independent_site",
      "distribution",
      "b2b",
      "managed_service",
    ]);
  });

  it("ignores choices that are not in the playbook", async () => {
    const result = await callRoute<SignupData>(loader, get("/signup?model=amazon&stage=<script>"));
    expect(result.data.prefill).toEqual({ model: undefined, stage: undefined });
  });

  it("sends someone already signed in to their organisation", async () => {
    const organisation = await createOrganisation();
    const user = await createUser({ organisationId: organisation.id, kind: "member" });
    const result = await callRoute(loader, get("/signup", { Cookie: await cookieFor(user.id) }));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/home");
  });
});

describe("POST /signup: the founder in the team", () => {
  it("adds the founder as a member linked to their account, holding the role they chose full-time", async () => {
    const form = founder({ addAsMember: "on", founderRole: "operations_manager" });
    const result = await signUpAndConfirm(form, "198.51.100.21");
    expect(result.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: form.email } });
    const members = await db.member.findMany({
      where: { organisationId: user.organisationId },
      include: { roles: true },
    });
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({
      userId: user.id,
      name: "Zhao Lei 赵磊",
      email: form.email,
      department: "operations_manager",
    });
    expect(members[0].roles.map((r) => [r.roleId, r.sharePercent])).toEqual([["operations_manager", 100]]);
  });

  it("adds the founder without a role when none is chosen", async () => {
    const form = founder({ addAsMember: "on", founderRole: "" });
    expect((await signUpAndConfirm(form, "198.51.100.22")).status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: form.email } });
    const members = await db.member.findMany({
      where: { organisationId: user.organisationId },
      include: { roles: true },
    });
    expect(members.map((m) => [m.userId, m.department, m.roles.length])).toEqual([[user.id, null, 0]]);
  });

  it("adds no member when the box is left unticked", async () => {
    const form = founder({ founderRole: "product_manager" });
    expect((await signUpAndConfirm(form, "198.51.100.23")).status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: form.email } });
    expect(await db.member.count({ where: { organisationId: user.organisationId } })).toBe(0);
  });

  it("refuses a role that does not exist, keeping what was typed, and writes nothing", async () => {
    const form = founder({ addAsMember: "on", founderRole: "ceo" });
    const before = await db.organisation.count();
    const result = await callRoute<Reply>(fromAddress("198.51.100.24"), post("/signup", form));
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error?.founderRole).toEqual(["auth.validation.founderRole.invalid"]);
    expect(result.data.lastResult.initialValue).toMatchObject({
      organisationName: form.organisationName,
      addAsMember: "on",
    });
    expect(await db.organisation.count()).toBe(before);
  });
});

describe("POST /signup", () => {
  it("creates the organisation with the founder as its admin once the link is confirmed, and signs them in", async () => {
    const form = founder({ email: `  Founder-${randomUUID()}@Test.Example ` });
    const result = await signUpAndConfirm(form, "198.51.100.4");

    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/home");
    const email = form.email.trim().toLowerCase();
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { organisation: true } });
    expect(user).toMatchObject({ name: "Zhao Lei 赵磊", kind: "admin" });
    expect(user.organisation).toMatchObject({
      name: "Harbour Goods 海港优品",
      operatingModel: "independent_site",
      stage: "startup",
    });
    expect(user.organisation.slug).toMatch(/^harbour-goods-[0-9a-f]{8}$/);
    expect(user.passwordHash).not.toContain(form.password);
    expect(await verifyPassword(form.password, user.passwordHash)).toBe(true);

    const cookie = result.headers.get("Set-Cookie")!.split(";")[0];
    const signedIn = await getSignedIn(new Request("http://localhost/org", { headers: { Cookie: cookie } }));
    expect(signedIn?.user.id).toBe(user.id);

    const events = await db.securityEvent.findMany({ where: { organisationId: user.organisationId } });
    expect(events).toEqual([
      expect.objectContaining({ type: "sign_up", actorUserId: user.id, ipAddress: "198.51.100.4" }),
    ]);
    expect(events[0].detail).not.toContain(form.password);
  });

  it("answers 400 with a message per field and keeps what was typed, except the password", async () => {
    const before = await counts();
    const result = await callRoute<Reply>(
      action,
      post("/signup", {
        organisationName: " ",
        model: "amazon",
        stage: "",
        name: "x".repeat(101),
        email: "not-an-email",
        password: "short",
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({
      organisationName: ["auth.validation.organisationName.required"],
      model: ["auth.validation.model.invalid"],
      stage: ["auth.validation.stage.invalid"],
      name: ["auth.validation.name.tooLong"],
      email: ["auth.validation.email.invalid"],
      password: ["auth.validation.password.tooShort"],
    });
    expect(result.data.lastResult.initialValue).toMatchObject({ email: "not-an-email", model: "amazon" });
    expect(result.data.lastResult.initialValue).not.toHaveProperty("password");
    expect(await counts()).toEqual(before);
  });

  it("refuses a password over 200 characters and a name with a control character", async () => {
    const result = await callRoute<Reply>(
      action,
      post("/signup", founder({ password: "p".repeat(201), name: "Ann\u0000" })),
    );
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({
      password: ["auth.validation.password.tooLong"],
      name: ["auth.validation.name.invalid"],
    });
  });

  it.each([
    ["aaaaaaaaaa", "auth.validation.password.weak"],
    ["password12", "auth.validation.password.weak"],
    ["qwertyuiop123", "auth.validation.password.weak"],
  ])("refuses the guessable password %s with a message on the field, creating nothing", async (password, message) => {
    const before = await counts();
    const result = await callRoute<Reply>(fromAddress("10.9.0.1"), post("/signup", founder({ password })));
    expect(result.status).toBe(400);
    expect(result.data.lastResult.error).toEqual({ password: [message] });
    expect(await counts()).toEqual(before);
  });

  it("refuses the email itself (or its name part) as the password", async () => {
    const email = `harbour.founder-${randomUUID().slice(0, 6)}@test.example`;
    for (const password of [email, `${email.split("@")[0]}!!`]) {
      const result = await callRoute<Reply>(fromAddress("10.9.0.2"), post("/signup", founder({ email, password })));
      expect(result.status).toBe(400);
      expect(result.data.lastResult.error).toEqual({ password: ["auth.validation.password.containsEmail"] });
    }
  });

  it("limits sign-ups per address: the eleventh within the hour is a 429 with Retry-After, another address is not affected", async () => {
    const crowded = fromAddress(`10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
    for (let i = 0; i < 10; i++) expect((await callRoute(crowded, post("/signup", {}))).status).toBe(400);
    const eleventh = await callRoute(crowded, post("/signup", founder()));
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await callRoute(fromAddress("10.7.0.1"), post("/signup", {}))).status).toBe(400);
  });

  it("has every message its forms can give in both languages", () => {
    const keys = [
      "email.required",
      "email.invalid",
      "email.tooLong",
      "password.required",
      "password.invalid",
      "password.tooShort",
      "password.tooLong",
      "password.mismatch",
      "password.weak",
      "password.containsEmail",
      "confirmPassword.required",
      "name.required",
      "name.invalid",
      "name.tooLong",
      "organisationName.required",
      "organisationName.invalid",
      "organisationName.tooLong",
      "model.invalid",
      "stage.invalid",
    ].map((key) => `validation.${key}`);
    for (const lang of ["en", "zh"] as const) {
      const present = keysOf(authStrings[lang]);
      expect(present).toEqual(expect.arrayContaining(keys));
      expect(present).toEqual(keysOf(authStrings.en));
    }
  });
});
