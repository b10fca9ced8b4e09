import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useOutlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmAction } from "~/components/ui";
import { CopyField } from "~/components/ui";
import { Badge, DateTime, FieldErrors, FormErrors, StatusMessage, ui, useLang } from "~/components/ui";
import { API_TOKEN_SCOPES } from "~/domain/permissions";
import { createApiToken, listApiTokens } from "~/models/api-token.server";
import { requirePermission } from "~/utils/auth.server";
import { clientAddress } from "~/utils/request.server";
import { SETTINGS_FORM, TOKEN_NAME_MAX, tokenSchema as schema } from "~/forms/settings";
import { invalidSubmission, parseForm, readFormData, validateWith } from "~/utils/forms";
import { adminStrings } from "~/locales/admin";
import { sectionErrorBoundary, titleMeta } from "~/components/ui";

const DONE = ["revoked"] as const;

const NOTHING_CREATED = { created: null };

export const meta = titleMeta((lang) => [adminStrings[lang].tabs.tokens, adminStrings[lang].title]);

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "tokens.manage");
  const tokens = await listApiTokens({ organisationId: actor.organisationId });
  const done = new URL(request.url).searchParams.get("done");
  return { tokens, done: DONE.find((value) => value === done) ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "tokens.manage");
  const submission = parseForm(await readFormData(request), schema, SETTINGS_FORM);
  if (submission.status !== "success") return invalidSubmission(submission, { extra: NOTHING_CREATED });
  const created = await createApiToken({
    organisationId: actor.organisationId,
    createdById: actor.userId,
    name: submission.value.name,
    scope: submission.value.scope,
    ipAddress: clientAddress(request, context),
  });
  return data(
    // the token itself this once: only its hash is stored
    {
      lastResult: submission.reply({ resetForm: true }),
      created: { name: submission.value.name, token: created.token, scope: submission.value.scope },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/**
 * /settings/tokens/$tokenId is a child of this route (its file name nests
 * it): there the confirmation replaces the list.
 */
export default function TokensRoute() {
  const outlet = useOutlet();
  return outlet ?? <TokenSettings />;
}

function TokenSettings() {
  const { tokens, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.lastResult,
    defaultValue: { scope: "recommendation" },
    onValidate: validateWith(schema, SETTINGS_FORM),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const created = actionData?.created ?? null;

  return (
    <div className="space-y-10">
      <section aria-labelledby="tokens-title" className="space-y-4">
        <div>
          <h2 id="tokens-title" className={ui.h2}>
            {t("admin.tokens.title")}
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("admin.tokens.intro")}</p>
        </div>
        {done ? <StatusMessage>{t(`admin.tokens.done.${done}`)}</StatusMessage> : null}
        {tokens.length === 0 ? (
          <p className={ui.empty}>{t("admin.tokens.empty")}</p>
        ) : (
          <div className={ui.tableWrap} tabIndex={0}>
            <table className={ui.table} data-testid="tokens-table">
              <caption className="sr-only">{t("admin.tokens.title")}</caption>
              <thead className={ui.thead}>
                <tr>
                  <th scope="col" className={ui.th}>
                    {t("admin.tokens.columns.name")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.tokens.columns.prefix")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("tokenScope.column")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.tokens.columns.createdBy")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.tokens.columns.created")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.tokens.columns.lastUsed")}
                  </th>
                  <th scope="col" className={ui.th}>
                    {t("admin.tokens.columns.status")}
                  </th>
                  <th scope="col" className={ui.th}>
                    <span className="sr-only">{t("admin.common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.map((token) => (
                  <tr key={token.id} data-token={token.id} className={token.revokedAt ? "text-slate-500" : undefined}>
                    <th scope="row" className={`${ui.td} break-words text-left font-semibold`}>
                      {token.name}
                    </th>
                    <td className={ui.td}>
                      <code className="whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                        {token.prefix}…
                      </code>
                    </td>
                    <td className={ui.td}>
                      <Badge tone={token.scope === "training" ? "amber" : "slate"}>
                        {t(`tokenScope.badge.${token.scope}`)}
                      </Badge>
                    </td>
                    <td className={ui.td}>
                      {token.createdBy ? token.createdBy.name : t("admin.common.unknownPerson")}
                    </td>
                    <td className={ui.td}>
                      <DateTime value={token.createdAt} lang={lang} />
                    </td>
                    <td className={ui.td}>
                      {token.lastUsedAt ? (
                        <DateTime value={token.lastUsedAt} lang={lang} />
                      ) : (
                        t("admin.tokens.neverUsed")
                      )}
                    </td>
                    <td className={ui.td}>
                      {token.revokedAt ? (
                        <span className="flex flex-col gap-1">
                          <Badge tone="slate">{t("admin.tokens.status.revoked")}</Badge>
                          <DateTime value={token.revokedAt} lang={lang} />
                        </span>
                      ) : (
                        <Badge tone="green">{t("admin.tokens.status.active")}</Badge>
                      )}
                    </td>
                    <td className={`${ui.td} whitespace-nowrap text-right`}>
                      {token.revokedAt ? null : (
                        <ConfirmAction
                          confirmHref={`/settings/tokens/${token.id}`}
                          action={`/settings/tokens/${token.id}`}
                          triggerLabel={t("admin.tokens.revoke")}
                          triggerAriaLabel={t("admin.tokens.revokeLabel", { name: token.name })}
                          title={t("admin.tokens.confirmTitle", { name: token.name })}
                          body={t("admin.tokens.confirmText")}
                          confirmLabel={t("admin.tokens.confirm")}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="token-form-title" className="max-w-2xl space-y-4">
        <h2 id="token-form-title" className={ui.h2}>
          {t("admin.tokens.form.title")}
        </h2>
        {created ? (
          <div
            className="space-y-3 rounded-xl border border-emerald-200 bg-emerald-50/60 p-5"
            data-testid="token-created"
          >
            <StatusMessage>{t("admin.tokens.created", { name: created.name })}</StatusMessage>
            <p className="text-sm text-slate-700">{t("admin.tokens.createdOnce")}</p>
            <CopyField id="api-token" label={t("admin.tokens.tokenLabel")} value={created.token} />
            <p className="text-xs text-slate-600">
              {t("admin.tokens.usage")}{" "}
              <code className="rounded bg-white px-1.5 py-0.5">Authorization: Bearer {created.token.slice(0, 8)}…</code>
            </p>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} className={`${ui.card} space-y-5`}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <div>
            <label htmlFor={fields.name.id} className={ui.label}>
              {t("admin.tokens.form.name")}
            </label>
            <input
              {...getInputProps(fields.name, { type: "text" })}
              aria-describedby={`${fields.name.id}-hint ${fields.name.errorId}`}
              maxLength={TOKEN_NAME_MAX}
              autoComplete="off"
              className={ui.input}
            />
            <p id={`${fields.name.id}-hint`} className={ui.hint}>
              {t("admin.tokens.form.nameHint")}
            </p>
            <FieldErrors id={fields.name.errorId} errors={fields.name.errors} />
          </div>
          <fieldset aria-describedby={fields.scope.errors ? fields.scope.errorId : undefined}>
            <legend className={ui.label}>{t("tokenScope.legend")}</legend>
            <div className="mt-2 space-y-2">
              {API_TOKEN_SCOPES.map((scope) => {
                const { key, ...radio } = getInputProps(fields.scope, { type: "radio", value: scope });
                return (
                  <label key={key} className="flex items-start gap-2 text-sm">
                    <input
                      {...radio}
                      id={`${fields.scope.id}-${scope}`}
                      aria-describedby={`${fields.scope.id}-${scope}-hint`}
                      className="mt-1 h-4 w-4 accent-indigo-600"
                    />
                    <span>
                      <span className="block font-medium text-slate-800">{t(`tokenScope.options.${scope}.label`)}</span>
                      <span id={`${fields.scope.id}-${scope}-hint`} className="block text-xs text-slate-600">
                        {t(`tokenScope.options.${scope}.hint`)}
                      </span>
                    </span>
                  </label>
                );
              })}
            </div>
            <FieldErrors id={fields.scope.errorId} errors={fields.scope.errors} />
          </fieldset>
          <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
            {t("admin.tokens.form.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = sectionErrorBoundary("settings");
