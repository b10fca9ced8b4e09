import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateTime, titleMeta, ui, useLang } from "~/components/ui";
import type { Language } from "~/domain/types";
import { inboxSchema, NOTIFY_FORM } from "~/forms/notifications";
import { nextStepsStrings } from "~/locales/next-steps";
import { listNotifications, markRead } from "~/models/notify.server";
import { requireSignedIn } from "~/utils/auth.server";
import { invalidSubmission, parseForm, readFormData } from "~/utils/forms";

/** A person's inbox: every notification addressed to them (issue 16), newest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn({ request, context });
  const notifications = await listNotifications({ userId: user.id });
  return { notifications };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireSignedIn({ request, context });
  const submission = parseForm(await readFormData(request), inboxSchema, NOTIFY_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  if (submission.value.intent === "read_all") {
    await markRead({ userId: user.id });
    return redirect("/inbox");
  }
  const { id } = submission.value;
  const entry = (await listNotifications({ userId: user.id, take: 500 })).find(
    (notification) => notification.id === id,
  );
  if (!entry) return invalidSubmission(submission, { formErrors: ["nextSteps.errors.invalid"], status: 404 });
  await markRead({ userId: user.id, id });
  return redirect(entry.href.startsWith("/") ? entry.href : "/inbox");
}

export const meta = titleMeta((lang) => [nextStepsStrings[lang].inbox.title]);

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["notifications"][number];

/** The values of an entry in the reader's language: the language-dependent ones were stored per language. */
function valuesFor(entry: Entry, lang: Language): Record<string, unknown> {
  const { localized, ...rest } = entry.params as { localized?: Record<string, { zh: string; en: string }> };
  return {
    ...rest,
    ...Object.fromEntries(Object.entries(localized ?? {}).map(([key, value]) => [key, value[lang] || value.zh])),
  };
}

export default function Inbox() {
  const { notifications } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const unread = notifications.filter((entry) => !entry.read).length;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t("nextSteps.inbox.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("nextSteps.inbox.intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Link to="/settings/notifications" className={ui.link}>
            {t("nextSteps.inbox.preferences")}
          </Link>
          {unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read_all" />
              <button type="submit" className={ui.secondaryButton}>
                {t("nextSteps.inbox.markAllRead")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {notifications.length === 0 ? (
        <p className={`${ui.empty} mt-6`}>{t("nextSteps.inbox.empty")}</p>
      ) : (
        <ul
          className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm"
          data-testid="inbox"
        >
          {notifications.map((entry) => (
            <li
              key={entry.id}
              className={`flex flex-wrap items-start justify-between gap-3 p-4 ${entry.read ? "" : "bg-indigo-50/60"}`}
              data-read={entry.read ? "yes" : "no"}
            >
              <div className="min-w-0 flex-1">
                <p className="break-words text-sm font-medium text-slate-900">
                  {entry.read ? null : (
                    <span className="mr-2 rounded bg-indigo-600 px-1.5 py-0.5 text-xs text-white">
                      {t("nextSteps.inbox.unread")}
                    </span>
                  )}
                  {t(`nextSteps.message.${entry.kind}.subject`, valuesFor(entry, lang))}
                </p>
                <p className="mt-1 break-words text-sm text-slate-600">
                  {t(`nextSteps.message.${entry.kind}.body`, valuesFor(entry, lang))}
                </p>
                <p className="mt-1 text-xs text-slate-500">
                  <DateTime value={entry.createdAt} lang={lang} />
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="read" />
                <input type="hidden" name="id" value={entry.id} />
                <button type="submit" className={`${ui.secondaryButton} px-3 py-1`}>
                  {t("nextSteps.inbox.open")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
