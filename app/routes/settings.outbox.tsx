import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, DateTime, sectionErrorBoundary, titleMeta, ui, useLang } from "~/components/ui";
import { adminStrings } from "~/locales/admin";
import { listOutbox } from "~/models/notify.server";
import { requirePermission } from "~/utils/auth.server";

/**
 * The organisation's emails (issue 16), for admins: without SMTP_URL this is
 * the outbox (nothing leaves the machine, the whole loop is still visible);
 * with it, what was queued and whether it went.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "users.manage");
  const messages = await listOutbox({ organisationId: actor.organisationId });
  return { smtp: Boolean(process.env.SMTP_URL?.trim()), messages };
}

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.outbox, adminStrings[lang].title]);

export default function Outbox() {
  const { smtp, messages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="outbox-title" className="space-y-4">
      <div>
        <h2 id="outbox-title" className={ui.h2}>
          {t("nextSteps.outbox.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{smtp ? t("nextSteps.outbox.smtp") : t("nextSteps.outbox.intro")}</p>
      </div>
      {messages.length === 0 ? (
        <p className={ui.empty}>{t("nextSteps.outbox.empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="outbox">
          {messages.map((message) => (
            <li key={message.id} className={ui.card}>
              <details>
                <summary className="cursor-pointer list-none">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={message.status === "failed" ? "red" : message.status === "sent" ? "green" : "amber"}>
                      {t(
                        `nextSteps.outbox.statuses.${message.status === "sent" && message.transport === "outbox" ? "outbox" : message.status}`,
                      )}
                    </Badge>
                    <span className="break-words font-medium text-slate-900">{message.subject}</span>
                  </div>
                  <p className="mt-1 break-all text-sm text-slate-600">
                    {t("nextSteps.outbox.to")}: {message.toEmail} · <DateTime value={message.createdAt} lang={lang} />
                  </p>
                </summary>
                <pre className="mt-3 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm text-slate-800">
                  {message.text}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
