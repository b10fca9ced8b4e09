import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/**
 * What a new password must be, beyond its length (app/utils/validation.ts):
 * not guessable with zxcvbn's dictionaries (common and leaked passwords,
 * names, English words, keyboard walks, repeats, dates, l33t variants), and
 * not built from the person's own email or name. zxcvbn-ts is the maintained
 * port of Dropbox's estimator; score 3 means about 10^8 guesses or more.
 * Server-side only: the dictionaries are large and stay out of the browser.
 */
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

/** zxcvbn's matching grows quickly with length; what follows the first 100 characters only adds strength. */
const CHECKED_LENGTH = 100;

export type PasswordProblem = "weak" | "containsEmail";

/** The i18n key of each problem's message. */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  weak: "auth.validation.password.weak",
  containsEmail: "auth.validation.password.containsEmail",
};

/** Why this password may not be chosen by this person, or null when it may. */
export function passwordProblem(
  password: string,
  person: { email?: string | null; name?: string | null; extra?: string[] },
): PasswordProblem | null {
  const normalised = password.normalize("NFKC").toLowerCase();
  const email = person.email?.trim().toLowerCase() ?? "";
  const local = email.split("@")[0] ?? "";
  if (email && (normalised.includes(email) || (local.length >= 4 && normalised.includes(local))))
    return "containsEmail";
  const inputs = [email, local, ...(person.name ? person.name.split(/\s+/) : []), ...(person.extra ?? [])].filter(
    (word) => word.length >= 3,
  );
  const result = estimator().check(password.slice(0, CHECKED_LENGTH), inputs);
  return result.score < MIN_SCORE ? "weak" : null;
}
