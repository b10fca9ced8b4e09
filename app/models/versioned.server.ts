/**
 * No silent lost update: a save carries the version its form was loaded
 * from, and lands only if the record still has that version (decision 0009).
 * One helper for every record with a `version` column; call it inside the
 * save's transaction.
 */

export type VersionedSave<Current, Saved> =
  { ok: true; saved: Saved } | { ok: false; reason: "not_found" } | { ok: false; reason: "conflict"; current: Current };

/**
 * `load` reads the record as saved now (null when it is not there); `claim`
 * is the conditional write, `updateMany({ where: { id, organisationId,
 * version }, data: { …, version: { increment: 1 } } })`, returning its count;
 * `then` makes the save's further writes once the claim has landed. Two saves
 * of one version cannot both land: the second claim counts 0 and is refused
 * with the record as the first left it.
 */
export async function saveIfVersion<Current extends { version: number }, Saved>({
  version,
  load,
  claim,
  then,
}: {
  version: number;
  load: () => Promise<Current | null>;
  claim: (current: Current) => Promise<{ count: number }>;
  then: (current: Current) => Promise<Saved>;
}): Promise<VersionedSave<Current, Saved>> {
  const current = await load();
  if (!current) return { ok: false, reason: "not_found" };
  if (current.version !== version) return { ok: false, reason: "conflict", current };
  const { count } = await claim(current);
  if (count !== 1) {
    const now = await load();
    return now ? { ok: false, reason: "conflict", current: now } : { ok: false, reason: "not_found" };
  }
  return { ok: true, saved: await then(current) };
}
