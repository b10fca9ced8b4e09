import type { FieldMetadata } from "@conform-to/react";
import { useEffect, useRef } from "react";
import { Field, textValue, ui } from "~/components/ui";

/** Today in the browser's own time zone, as a date input wants it. */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * The day of an assessment, for the one-skill form and the grid: a date input
 * no later than `maxDay` (the latest day that is today somewhere, see
 * latestToday), with its label and errors. The server guesses today in UTC;
 * once the page runs, a default it left untouched becomes the reader's own day
 * (never after a submission: what was typed stays).
 */
export function AssessedOnField({
  meta,
  label,
  today,
  maxDay,
  submitted,
}: {
  meta: FieldMetadata<string | undefined> | FieldMetadata<unknown>;
  label: string;
  /** the server's today (UTC), the default before the browser knows better */
  today: string;
  maxDay: string;
  /** the form came back from the server: keep its value */
  submitted: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current && !submitted && input.current.value === today) input.current.value = localToday();
  }, [submitted, today]);
  return (
    <Field id={meta.id} label={label} errorId={meta.errorId} errors={meta.errors}>
      {(control) => (
        <input
          {...control}
          ref={input}
          name={meta.name}
          type="date"
          required
          max={maxDay}
          defaultValue={textValue(meta.initialValue)}
          className={ui.input}
        />
      )}
    </Field>
  );
}
