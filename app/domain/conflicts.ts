/**
 * Versions of edited records: what a refused stale save shows. Pure.
 */

/** One field where the saved record ("theirs", saved by someone else since the form loaded) differs from what was submitted ("yours"). */
export interface FieldConflict<Field extends string = string> {
  field: Field;
  theirs: string;
  yours: string;
}

/** Each of `fields` that was submitted and differs from the saved record, both as the form shows them. */
export function conflictingFields<Field extends string>(
  theirs: Readonly<Record<Field, string>>,
  yours: Readonly<Partial<Record<Field, string>>>,
  fields: readonly Field[],
): FieldConflict<Field>[] {
  return fields
    .filter((field) => yours[field] !== undefined && theirs[field] !== yours[field])
    .map((field) => ({ field, theirs: theirs[field], yours: yours[field] as string }));
}
