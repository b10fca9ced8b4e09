import type { ReactNode } from "react";
import { ui } from "~/components/ui";

export type HiringColumn = { key: string; label: ReactNode; numeric?: boolean };

/**
 * The frame the hiring tables share (the gap, the proposal, the plan and the
 * scenario comparison): a scrolling card, a caption for screen readers, a
 * header row of column titles; the rows are the children.
 */
export function HiringTable({
  caption,
  columns,
  testId,
  className,
  children,
}: {
  caption: string;
  columns: readonly HiringColumn[];
  testId?: string;
  /** Added to the wrapper's classes, e.g. a top margin. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ? `${ui.tableWrap} ${className}` : ui.tableWrap} tabIndex={0}>
      <table className={ui.table} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={ui.thead}>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? `${ui.th} text-right` : ui.th}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
