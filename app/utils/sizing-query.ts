import { channelProblems, DRIVERS, formatChannels, type Channel, type Drivers } from "~/domain/sizing";
import { DRIVER_IDS, MODEL_IDS, type DriverId, type ModelId } from "~/domain/types";

/**
 * Reads a business profile from a query string: `channels=<model>:<share>,…`
 * and the six drivers (the planner's address and API v1 share it). Every
 * problem is collected, so a 400 or the page can name each field.
 */
export const SIZING_PARAMS: readonly string[] = ["channels", ...DRIVER_IDS];

/** The planner's no-JavaScript form sends one share per model (`share_platform=60`); the address keeps `channels`. */
export const SHARE_PREFIX = "share_";

export interface SizingProblem {
  field: "channels" | DriverId;
  message: string;
  /** for channels: the valid model ids */
  validIds?: readonly string[];
  /** for a driver: its range */
  range?: { min: number; max: number };
}

export interface SizingQuery {
  /** null when the query gives no channels */
  channels: Channel[] | null;
  drivers: Drivers;
  problems: SizingProblem[];
}

const MAX_ECHO = 60;
const WHOLE = /^\d{1,9}$/;

export function parseSizingQuery(params: URLSearchParams): SizingQuery {
  const problems: SizingProblem[] = [];
  const drivers: Drivers = {};
  for (const id of DRIVER_IDS) {
    const values = params.getAll(id);
    const raw = values[0]?.trim() ?? "";
    if (raw === "") continue;
    const spec = DRIVERS[id];
    const value = WHOLE.test(raw) ? Number(raw) : NaN;
    if (values.length > 1 || !Number.isInteger(value) || value < spec.min || value > spec.max) {
      problems.push({
        field: id,
        message:
          values.length > 1
            ? `${id} is given ${values.length} times; give it once, a whole number from ${spec.min} to ${spec.max}.`
            : `${id} "${raw.slice(0, MAX_ECHO)}" is not valid; give a whole number from ${spec.min} to ${spec.max}.`,
        range: { min: spec.min, max: spec.max },
      });
      continue;
    }
    drivers[id] = value;
  }

  let channels: Channel[] | null = null;
  const rawChannels = params.getAll("channels");
  const text = rawChannels.join(",").trim();
  if (rawChannels.length > 0 && text !== "") {
    const parsed: { model: string; share: number }[] = [];
    const malformed: string[] = [];
    for (const part of text.split(",")) {
      const match = /^\s*([a-z0-9_]+)\s*:\s*(\d{1,3})\s*$/.exec(part);
      if (match) parsed.push({ model: match[1], share: Number(match[2]) });
      else malformed.push(part.trim().slice(0, MAX_ECHO));
    }
    const messages = [
      ...malformed.map((part) => `"${part}" is not <model>:<share>`),
      ...channelProblems(parsed)
        .filter((problem) => problem.kind !== "empty" || malformed.length === 0)
        .map((problem) => problem.message),
    ];
    if (messages.length > 0) {
      problems.push({
        field: "channels",
        message: `channels: ${messages.join("; ")}. Give <model>:<share>,… with valid ids ${MODEL_IDS.join(", ")}, each model once, whole shares adding up to 100.`,
        validIds: MODEL_IDS,
      });
    } else {
      channels = parsed.map((c) => ({ model: c.model as ModelId, share: c.share }));
    }
  }
  return { channels, drivers, problems };
}

/**
 * The planner form's per-model shares (`share_platform=60`, blank = not a
 * channel) as a `channels` value; null when the form sent none.
 */
export function channelsFromShareFields(params: URLSearchParams): string | null {
  const parts: string[] = [];
  let seen = false;
  for (const model of MODEL_IDS) {
    const raw = params.get(`${SHARE_PREFIX}${model}`);
    if (raw === null) continue;
    seen = true;
    const value = raw.trim();
    if (value !== "" && value !== "0") parts.push(`${model}:${value}`);
  }
  return seen ? parts.join(",") : null;
}

/** The query string of a profile, for links: channels (when more than the model alone) and the drivers given. */
export function sizingParams(channels: readonly Channel[] | null, drivers: Drivers): [string, string][] {
  const out: [string, string][] = [];
  if (channels && channels.length > 0) out.push(["channels", formatChannels(channels)]);
  for (const id of DRIVER_IDS) if (drivers[id] !== undefined) out.push([id, String(drivers[id])]);
  return out;
}

/**
 * The planner's address for an organisation as it is: its channels and
 * drivers when it has a business profile, its operating model alone when it
 * has none, and its stage. The one way pages link "open in the planner".
 */
export function plannerHref({
  operatingModel,
  stage,
  channels,
  drivers,
}: {
  operatingModel: string;
  stage: string;
  channels: readonly Channel[];
  drivers: Drivers;
}): string {
  const query = new URLSearchParams([
    ...(channels.length > 0 ? [] : [["model", operatingModel]]),
    ["stage", stage],
    ...sizingParams(channels.length > 0 ? channels : null, drivers),
  ]);
  return `/planner?${query.toString()}`;
}
