/**
 * Setting a position to "cancelled" takes a second, explicit step: the first
 * submit (from the plan's dropdown or the position page) writes nothing and
 * leads to the position page, which asks; only its "Yes, cancel" form carries
 * the confirmation. Works without JavaScript.
 */
export const CANCEL_CONFIRMATION = "cancel";

export function needsCancelConfirmation(status: string, formData: { get(name: string): unknown }): boolean {
  return status === "cancelled" && formData.get("confirm") !== CANCEL_CONFIRMATION;
}

export const cancelConfirmationHref = (positionId: string) =>
  `/hiring/positions/${positionId}?confirm=cancel#confirm-cancel-title`;
