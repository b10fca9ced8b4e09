import { cookieFor, createCast } from "../utils/actors";

/** The eight kinds of people the matrix asks about. */
export const ACTORS = [
  "anonymous",
  "member",
  "leadOther",
  "leadThis",
  "hr",
  "manager",
  "admin",
  "otherOrg",
] as const;
export type ActorName = (typeof ACTORS)[number];

/**
 * One organisation with a user of every kind; "this department" is
 * operations_manager (leadThis leads it, leadOther leads supply_chain), and
 * otherOrg is the admin of another organisation.
 */
export type Cast = Awaited<ReturnType<typeof createCast>> & { cookies: Record<Exclude<ActorName, "anonymous">, string> };

export async function makeCast(): Promise<Cast> {
  const cast = await createCast();
  const entries = await Promise.all(
    (
      [
        ["member", cast.member.id],
        ["leadOther", cast.leadSupply.id],
        ["leadThis", cast.leadOps.id],
        ["hr", cast.hr.id],
        ["manager", cast.manager.id],
        ["admin", cast.admin.id],
        ["otherOrg", cast.otherAdmin.id],
      ] as const
    ).map(async ([name, id]) => [name, await cookieFor(id)] as const),
  );
  return { ...cast, cookies: Object.fromEntries(entries) as Cast["cookies"] };
}

export async function requestAs(
  cast: Cast,
  actor: ActorName,
  url: string,
  method: "GET" | "POST",
  form?: Record<string, string | string[]>,
): Promise<Request> {
  const headers: Record<string, string> = {};
  if (actor !== "anonymous") headers.Cookie = cast.cookies[actor];
  if (method === "GET") return new Request(`http://localhost${url}`, { headers });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
  });
}
