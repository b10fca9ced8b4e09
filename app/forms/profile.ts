import { z } from "zod";
import { DRIVERS } from "~/domain/sizing";
import { DRIVER_IDS, MODEL_IDS, type DriverId, type ModelId } from "~/domain/types";
import { versionField } from "~/utils/forms";

/**
 * The business profile's form (`/settings/profile`): one share per channel
 * model (empty: not a channel), the six workload drivers, and the profile
 * version the form was loaded from. Messages are i18n keys under "sizing.errors".
 */

export const PROFILE_FORM = { messages: "sizing.errors" } as const;

/** One share field per model (empty = not a channel), then the six drivers. */
export const shareField = (model: ModelId) => `share_${model}` as const;

/** One message per field, whatever is wrong with it. */
const wholeIn = (min: number, max: number, message: string) =>
  z
    .number({ invalid_type_error: message })
    .refine((v) => Number.isInteger(v) && v >= min && v <= max, message)
    .optional();
const share = wholeIn(1, 100, "sizing.errors.share");
const driver = (id: DriverId) => wholeIn(DRIVERS[id].min, DRIVERS[id].max, `sizing.errors.${id}`);

/** The shares are checked together under the first share field, so the message sits with the channel rows. */
export const CHANNELS_FIELD = shareField(MODEL_IDS[0]);

export const profileSchema = z.object({
  version: versionField(),
  ...(Object.fromEntries(MODEL_IDS.map((m) => [shareField(m), share])) as Record<
    ReturnType<typeof shareField>,
    typeof share
  >),
  ...(Object.fromEntries(DRIVER_IDS.map((id) => [id, driver(id)])) as Record<DriverId, ReturnType<typeof driver>>),
});

/**
 * The shares together: at least one channel, adding up to 100. Checked on the
 * raw values beside the schema, so the message shows even when another field
 * is wrong too.
 */
export function channelsError(values: Record<string, unknown>): string | null {
  const shares = MODEL_IDS.map((m) => values[shareField(m)])
    .filter((v) => v !== undefined && v !== null && String(v).trim() !== "")
    .map((v) => Number(v));
  if (shares.length === 0) return "sizing.errors.noChannel";
  const total = shares.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  return total === 100 ? null : "sizing.errors.sharesTotal";
}
