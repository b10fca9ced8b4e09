import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PriorityBadge } from "~/components/planner/PriorityBadge";
import type { Priority } from "~/domain/types";

/**
 * A role's priority, and where it differs, the arrow to the other one (read
 * out as "becomes"); `children` follows the second badge, e.g. a note on the
 * direction of the change.
 */
export function PriorityChange({
  from,
  to,
  changed,
  children,
}: {
  from: Priority;
  to: Priority;
  changed: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <PriorityBadge priority={from} />
      {changed ? (
        <>
          <span aria-hidden="true">→</span>
          <span className="sr-only">{t("hiring.delta.becomes")}</span>
          <PriorityBadge priority={to} />
          {children}
        </>
      ) : null}
    </span>
  );
}
