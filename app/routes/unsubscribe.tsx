import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleMeta, ui } from "~/components/ui";
import { NOTIFY_FORM, unsubscribeSchema } from "~/forms/notifications";
import { nextStepsStrings } from "~/locales/next-steps";
import { optOutOf } from "~/models/notify.server";
import { invalidSubmission, parseForm, readFormData } from "~/utils/forms";
import { verifyUnsubscribe } from "~/utils/mail-content.server";

/**
 * The unsubscribe link of every optional email (issue 16). No sign-in: the
 * link is signed for one person and one kind. A GET only asks; the POST
 * (the button, or a mail client's one-click List-Unsubscribe-Post) turns
 * that kind off.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const parsed = unsubscribeSchema.safeParse(Object.fromEntries(params));
  const valid = parsed.success && verifyUnsubscribe(parsed.data.u, parsed.data.k, parsed.data.s);
  return { valid, link: valid && parsed.success ? parsed.data : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const query = new URL(request.url).searchParams;
  // one-click unsubscribe (RFC 8058) posts to the link itself: its values are in the address
  for (const key of ["u", "k", "s"]) if (!formData.has(key) && query.has(key)) formData.set(key, query.get(key)!);
  const submission = parseForm(formData, unsubscribeSchema, NOTIFY_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  const { u, k, s } = submission.value;
  if (!verifyUnsubscribe(u, k, s) || !(await optOutOf({ userId: u, kind: k }))) {
    return invalidSubmission(submission, { formErrors: ["nextSteps.unsubscribe.invalid"], status: 400 });
  }
  return { done: true as const };
}

export const meta = titleMeta((lang) => [nextStepsStrings[lang].unsubscribe.title]);

export default function Unsubscribe() {
  const { valid, link } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const done = answer && "done" in answer;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("nextSteps.unsubscribe.title")}</h1>
      {done ? (
        <p role="status" className="mt-4 text-slate-700" data-testid="unsubscribed">
          {t("nextSteps.unsubscribe.done")}
        </p>
      ) : !valid || !link ? (
        <p className="mt-4 text-slate-700">{t("nextSteps.unsubscribe.invalid")}</p>
      ) : (
        <Form method="post" className="mt-4 space-y-4">
          <p className="text-slate-700">
            {t("nextSteps.unsubscribe.text", { kind: t(`nextSteps.preferences.kind.${link.k}`) })}
          </p>
          <input type="hidden" name="u" value={link.u} />
          <input type="hidden" name="k" value={link.k} />
          <input type="hidden" name="s" value={link.s} />
          <button type="submit" className={ui.primaryButton}>
            {t("nextSteps.unsubscribe.confirm")}
          </button>
        </Form>
      )}
    </main>
  );
}
