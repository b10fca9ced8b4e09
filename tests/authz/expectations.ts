import type { ActorName, Cast } from "./actors";

/** ok: answered (2xx, or a redirect other than to sign-in); signin: sent to sign in. */
export type Outcome = "ok" | "signin" | 403 | 404 | 400 | "error";

export interface MatrixCase {
  method: "GET" | "POST";
  label?: string;
  url: (cast: Cast) => string;
  params?: (cast: Cast) => Record<string, string>;
  form?: (cast: Cast) => Record<string, string | string[]>;
  expect: Record<ActorName, Outcome>;
}

const everyone = (outcome: Outcome): Record<ActorName, Outcome> => ({
  anonymous: outcome,
  member: outcome,
  leadOther: outcome,
  leadThis: outcome,
  hr: outcome,
  manager: outcome,
  admin: outcome,
  otherOrg: outcome,
});

/** Signed in: everyone of an organisation; anonymous goes to sign in. */
const signedIn = (outcome: Outcome = "ok"): Record<ActorName, Outcome> => ({ ...everyone(outcome), anonymous: "signin" });

/**
 * Only some kinds of the organisation; others 403; anonymous to sign in.
 * `otherOrgSees` is what another organisation's admin gets: "ok" on pages
 * about their own organisation, 404 on records of this one.
 */
const only = (kinds: ActorName[], otherOrgSees: Outcome, allowed: Outcome = "ok"): Record<ActorName, Outcome> => {
  const result = { ...everyone(403 as Outcome), anonymous: "signin" as Outcome, otherOrg: otherOrgSees };
  for (const kind of kinds) result[kind] = allowed;
  return result;
};

export const MATRIX: Record<string, MatrixCase[]> = {
  "routes/_index": [{ method: "GET", url: () => "/", expect: everyone("ok") }],
  "routes/healthz": [{ method: "GET", url: () => "/healthz", expect: everyone("ok") }],
  "routes/planner": [
    { method: "GET", url: () => "/planner?model=b2b&stage=growth", expect: everyone("ok") },
    {
      method: "POST",
      label: "make it the organisation's choice",
      url: () => "/planner?model=b2b&stage=growth",
      form: () => ({ intent: "use_for_organisation", model: "b2b", stage: "growth" }),
      // another organisation's admin sets their own organisation's choice
      expect: only(["manager", "admin"], "ok"),
    },
  ],
  "routes/api.v1.recommendation": [
    { method: "GET", url: () => "/api/v1/recommendation?model=b2b&stage=growth", expect: everyone("ok") },
  ],
  "routes/language": [
    { method: "POST", url: () => "/language", form: () => ({ lang: "en", redirectTo: "/" }), expect: everyone("ok") },
    { method: "GET", url: () => "/language", expect: everyone("ok") },
  ],
};

export { only, signedIn, everyone };
