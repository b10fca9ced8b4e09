import { z } from "zod";
import {
  LANGUAGES,
  MODEL_IDS,
  ALL_ROLE_IDS,
  STAGE_IDS,
  type Language,
  type ModelId,
  type RoleId,
  type StageId,
} from "~/domain/types";
import { SHARE_PREFIX, SIZING_PARAMS } from "~/utils/sizing-query";

/**
 * Reads the planner's choices from a query string (the planner page and the
 * public API share it), collecting every problem instead of stopping at the
 * first, so a page or a 400 can name each field.
 */
const fieldSchemas = {
  model: z.enum(MODEL_IDS),
  stage: z.enum(STAGE_IDS),
  role: z.enum(ALL_ROLE_IDS),
  lang: z.enum(LANGUAGES),
} as const;

export type QueryField = keyof typeof fieldSchemas;
export const QUERY_FIELDS = Object.keys(fieldSchemas) as QueryField[];

export const VALID_IDS: Record<QueryField, readonly string[]> = {
  model: MODEL_IDS,
  stage: STAGE_IDS,
  role: ALL_ROLE_IDS,
  lang: LANGUAGES,
};

export interface QueryProblem {
  field: QueryField;
  kind: "missing" | "invalid" | "repeated";
  /** what was given, for `invalid` */
  value?: string;
  validIds: readonly string[];
}

export interface RecommendationQuery {
  model: ModelId | null;
  stage: StageId | null;
  role: RoleId | null;
  lang: Language | null;
  problems: QueryProblem[];
  /** parameter names that mean nothing here, sorted, each once */
  unknownParams: string[];
}

/** Longest value echoed back in a message: garbage can be long. */
const MAX_ECHO = 60;

export function parseRecommendationQuery(
  params: URLSearchParams,
  required: readonly QueryField[] = ["model", "stage"],
): RecommendationQuery {
  const problems: QueryProblem[] = [];
  const read = <F extends QueryField>(field: F): z.infer<(typeof fieldSchemas)[F]> | null => {
    const values = params.getAll(field);
    const raw = values[0]?.trim() ?? "";
    if (values.length > 1) problems.push({ field, kind: "repeated", validIds: VALID_IDS[field] });
    if (raw === "") {
      if (required.includes(field)) problems.push({ field, kind: "missing", validIds: VALID_IDS[field] });
      return null;
    }
    const parsed = fieldSchemas[field].safeParse(raw);
    if (!parsed.success) {
      problems.push({ field, kind: "invalid", value: raw.slice(0, MAX_ECHO), validIds: VALID_IDS[field] });
      return null;
    }
    return parsed.data as z.infer<(typeof fieldSchemas)[F]>;
  };

  const query = {
    model: read("model"),
    stage: read("stage"),
    role: read("role"),
    lang: read("lang"),
  };
  // the business profile's parameters are read by sizing-query.ts
  const known = new Set<string>([...QUERY_FIELDS, ...SIZING_PARAMS]);
  const unknownParams = [
    ...new Set([...params.keys()].filter((key) => !known.has(key) && !key.startsWith(SHARE_PREFIX))),
  ]
    .map((key) => key.slice(0, MAX_ECHO))
    .sort();
  return { ...query, problems, unknownParams };
}

/** Problems that make a request unanswerable (a repeated field still has a value). */
export function blockingProblems(query: RecommendationQuery): QueryProblem[] {
  return query.problems.filter((problem) => problem.kind !== "repeated");
}
