import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CopyField, sectionErrorBoundary, StatusMessage, titleMeta, ui } from "~/components/ui";
import { OPTIONAL_EMAIL_KINDS } from "~/domain/notifications";
import { NOTIFY_FORM, preferencesSchema } from "~/forms/notifications";
import { adminStrings } from "~/locales/admin";
import { createCalendarFeed, hasCalendarFeed, revokeCalendarFeed } from "~/models/calendar.server";
import { emailSettingsOf, saveEmailSettings } from "~/models/notify.server";
import { requireSignedIn } from "~/utils/auth.server";
import { invalidSubmission, parseForm, readFormData } from "~/utils/forms";

/** One's own email preferences (kinds, language) and calendar feed (issue 16). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn({ request, context });
  const [settings, calendar] = await Promise.all([emailSettingsOf(user.id), hasCalendarFeed(user.id)]);
  return {
    lang: settings.lang,
    enabled: OPTIONAL_EMAIL_KINDS.filter((kind) => !settings.optOut.includes(kind)),
    calendar,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireSignedIn({ request, context });
  const submission = parseForm(await readFormData(request), preferencesSchema, NOTIFY_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  const value = submission.value;
  if (value.intent === "email") {
    await saveEmailSettings({
      userId: user.id,
      lang: value.lang,
      optOut: OPTIONAL_EMAIL_KINDS.filter((kind) => !value.kinds.includes(kind)),
    });
    return { done: "saved" as const, feedUrl: null };
  }
  if (value.intent === "calendar_create") {
    // shown this once: only its hash is stored
    return data(
      { done: "calendar" as const, feedUrl: await createCalendarFeed(user.id) },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  await revokeCalendarFeed(user.id);
  return { done: "revoked" as const, feedUrl: null };
}

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.notifications, adminStrings[lang].title]);

export default function NotificationSettings() {
  const { lang, enabled, calendar } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const done = answer && "done" in answer ? answer.done : null;
  const feedUrl = answer && "feedUrl" in answer ? answer.feedUrl : null;
  return (
    <div className="space-y-10">
      <section aria-labelledby="email-title" className="max-w-2xl space-y-4">
        <div>
          <h2 id="email-title" className={ui.h2}>
            {t("nextSteps.preferences.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("nextSteps.preferences.intro")}</p>
        </div>
        {done === "saved" ? <StatusMessage>{t("nextSteps.preferences.saved")}</StatusMessage> : null}
        <Form method="post" className={`${ui.card} space-y-5`}>
          <input type="hidden" name="intent" value="email" />
          <fieldset>
            <legend className={ui.label}>{t("nextSteps.preferences.language")}</legend>
            <div className="mt-2 flex flex-wrap gap-4 text-sm">
              {(["zh", "en"] as const).map((option) => (
                <label key={option} className="flex items-center gap-2">
                  <input type="radio" name="lang" value={option} defaultChecked={lang === option} />
                  {t(`language.${option}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className={ui.label}>{t("nextSteps.preferences.kinds")}</legend>
            <div className="mt-2 space-y-2 text-sm">
              {OPTIONAL_EMAIL_KINDS.map((kind) => (
                <label key={kind} className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    name="kinds"
                    value={kind}
                    defaultChecked={enabled.includes(kind)}
                    className="mt-0.5"
                  />
                  <span>{t(`nextSteps.preferences.kind.${kind}`)}</span>
                </label>
              ))}
            </div>
            <p className={ui.hint}>{t("nextSteps.preferences.always")}</p>
          </fieldset>
          <button type="submit" className={ui.primaryButton} disabled={busy}>
            {t("nextSteps.preferences.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="calendar-title" className="max-w-2xl space-y-4">
        <div>
          <h2 id="calendar-title" className={ui.h2}>
            {t("nextSteps.preferences.calendar.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("nextSteps.preferences.calendar.intro")}</p>
        </div>
        {done === "revoked" ? <StatusMessage>{t("nextSteps.preferences.calendar.revoked")}</StatusMessage> : null}
        <div className={`${ui.card} space-y-4`}>
          {feedUrl ? (
            <div data-testid="calendar-url">
              <CopyField id="calendar-url" label={t("nextSteps.preferences.calendar.created")} value={feedUrl} />
            </div>
          ) : (
            <p className="text-sm text-slate-700">
              {calendar ? t("nextSteps.preferences.calendar.active") : t("nextSteps.preferences.calendar.none")}
            </p>
          )}
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="intent" value="calendar_create" />
              <button type="submit" className={ui.secondaryButton} disabled={busy}>
                {calendar ? t("nextSteps.preferences.calendar.replace") : t("nextSteps.preferences.calendar.create")}
              </button>
            </Form>
            {calendar ? (
              <Form method="post">
                <input type="hidden" name="intent" value="calendar_revoke" />
                <button type="submit" className={ui.secondaryButton} disabled={busy}>
                  {t("nextSteps.preferences.calendar.revoke")}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
      </section>
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
