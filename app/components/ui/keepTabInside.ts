const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Tab and Shift+Tab go round the container's own links, buttons and fields
 * (a modal `<dialog>` alone lets Tab leave for the browser's own controls).
 * `opener`, when given, goes round with them, first: the phone menu's button
 * stays reachable while its links are open.
 * Call from a keydown handler; it does nothing for other keys.
 */
export function keepTabInside(
  container: HTMLElement,
  event: { key: string; shiftKey: boolean; preventDefault(): void },
  opener?: HTMLElement | null,
) {
  if (event.key !== "Tab") return;
  const items = [...(opener ? [opener] : []), ...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((item) =>
    typeof item.checkVisibility === "function" ? item.checkVisibility() : true,
  );
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  const inside = active instanceof Node && (container.contains(active) || active === opener);
  const atStart = active === first || (inside && !items.includes(active as HTMLElement));
  if (event.shiftKey && (!inside || atStart)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}
