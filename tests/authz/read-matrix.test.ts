/**
 * The read dimension of the authorization matrix (issue 14): for every route
 * or export with people's data, every user kind and every relation to the
 * person (own / same department / other department), the field groups that
 * appear in what the loader sends, against tests/authz/read-expectations.ts.
 * A route of the app without an entry, or a case without every field group,
 * fails.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { FIELD_GROUPS, USER_KINDS, type FieldGroup } from "../../app/domain/permissions";
import { callRoute, get } from "../utils/route";
import { READ_MATRIX, type ReadCase } from "./read-expectations";
import { makeReadFixture, RELATIONS, type ReadFixture, type Relation, type Subject } from "./read-fixture";
import { appRoutes } from "./route-manifest";

type Handler = Parameters<typeof callRoute>[0];

function subjectOf(fx: ReadFixture, kind: (typeof USER_KINDS)[number], relation: Relation): Subject {
  return relation === "own" ? fx.own[kind] : fx[relation];
}

/** The field groups about `subject` that appear in `data`: markers first, then the case's own probes. */
function groupsIn(data: unknown, subject: Subject, fx: ReadFixture, testCase: ReadCase): FieldGroup[] {
  const text = typeof data === "string" ? data : JSON.stringify(data ?? null);
  const seen: Record<FieldGroup, boolean> = {
    "person.profile": text.includes(subject.name) || text.includes(subject.email),
    "person.levels": testCase.probe?.["person.levels"]?.(data, subject) ?? false,
    "person.gaps": testCase.probe?.["person.gaps"]?.(data, subject) ?? false,
    "person.history": text.includes(subject.assessor),
    "person.notes": text.includes(subject.note),
    "person.training": text.includes(subject.trainingItemId),
    "team.figures": testCase.probe?.["team.figures"]?.(data, subject) ?? false,
    "hiring.positions": text.includes(fx.planNote),
    "hiring.publicPositions": text.includes(fx.publicTitle),
  };
  return FIELD_GROUPS.filter((group) => seen[group]);
}

describe("read matrix", () => {
  it("has an entry for every route of the app, and none for routes that are gone", () => {
    expect(Object.keys(READ_MATRIX).sort()).toEqual(
      appRoutes()
        .map((route) => route.id)
        .sort(),
    );
  });

  it("names every field group in every case", () => {
    for (const [id, entry] of Object.entries(READ_MATRIX)) {
      if (!Array.isArray(entry)) continue;
      for (const testCase of entry) expect(Object.keys(testCase.expect).sort(), id).toEqual([...FIELD_GROUPS].sort());
    }
  });

  let fx: ReadFixture;
  beforeAll(async () => {
    fx = await makeReadFixture();
  });

  for (const route of appRoutes()) {
    const entry = READ_MATRIX[route.id];
    if (!entry || !Array.isArray(entry)) continue;
    for (const testCase of entry) {
      describe(`${route.id}${testCase.label ? ` (${testCase.label})` : ""}`, () => {
        for (const kind of USER_KINDS) {
          it(`as ${kind}: own / same department / other department`, async () => {
            const module = (await import(`../../app/${route.file}`)) as { loader: Handler };
            for (const relation of RELATIONS) {
              const subject = subjectOf(fx, kind, relation);
              const request = get(testCase.url(fx, subject), { Cookie: fx.cookies[kind] });
              const { data } = await callRoute(module.loader, request, testCase.params?.(fx, subject) ?? {});
              const expected = FIELD_GROUPS.filter((group) => testCase.expect[group][kind].includes(relation));
              expect(groupsIn(data, subject, fx, testCase), `${kind} reading ${relation} (${subject.name})`).toEqual(
                expected,
              );
            }
          });
        }
      });
    }
  }

  it("the training progress API: a token of the narrowest scope reads no one's training; the recommendation reads nothing about people", async () => {
    const progress = await import("../../app/routes/api.v1.training-progress");
    const auth = { Authorization: `Bearer ${fx.recommendationToken}` };
    const refused = await callRoute(progress.loader as Handler, get("/api/v1/training-progress", auth));
    expect(refused.status).toBe(403);
    const recommendation = await import("../../app/routes/api.v1.recommendation");
    for (const token of [fx.recommendationToken, fx.apiToken]) {
      const request = get("/api/v1/recommendation?model=b2b&stage=growth", { Authorization: `Bearer ${token}` });
      const { status, data } = await callRoute(recommendation.loader as Handler, request);
      expect(status).toBe(200);
      const text = JSON.stringify(data);
      for (const subject of [fx.same, fx.other, ...Object.values(fx.own)]) {
        expect(text).not.toContain(subject.trainingItemId);
        expect(text).not.toContain(subject.name);
      }
    }
    const text = JSON.stringify(refused.data);
    for (const subject of [fx.same, fx.other, ...Object.values(fx.own)])
      expect(text).not.toContain(subject.trainingItemId);
  });

  it("the training progress API: a token of the training scope reads everyone's training, as HR does", async () => {
    const { loader } = await import("../../app/routes/api.v1.training-progress");
    const request = get("/api/v1/training-progress", { Authorization: `Bearer ${fx.apiToken}` });
    const { status, data } = await callRoute(loader as Handler, request);
    expect(status).toBe(200);
    const text = JSON.stringify(data);
    for (const subject of [fx.same, fx.other, ...Object.values(fx.own)]) expect(text).toContain(subject.trainingItemId);
    // and no assessor's notes or history
    expect(text).not.toContain("NOTE-");
    expect(text).not.toContain("ASSESSOR-");
  });
});
