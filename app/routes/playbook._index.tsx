import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlaybookNav } from "~/components/playbook/PlaybookNav";
import { Badge, DateTime, StatusMessage, sectionErrorBoundary, titleMeta, ui, useLang } from "~/components/ui";
import { EXTENSION_LIBRARY } from "~/domain/extension-roles";
import { isEditedUnder } from "~/domain/playbook-diff";
import { EXTENSION_ROLE_IDS } from "~/domain/types";
import { isCustomRoleId, localize } from "~/domain/vocabulary";
import { settingsSchema, PLAYBOOK_FORM } from "~/forms/playbook";
import { playbookStrings } from "~/locales/playbook";
import { listPlaybookVersions, readPlaybookPage, setManagersEditPlaybook } from "~/models/playbook.server";
import { requirePermission } from "~/utils/auth.server";
import { invalidSubmission, parseForm, readFormData } from "~/utils/forms";
import { can } from "~/domain/permissions";

export const meta = titleMeta((lang) => [playbookStrings[lang].title]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisationId, state, settings, canEdit } = await readPlaybookPage({ request, context });
  const versions = await listPlaybookVersions({ organisationId });
  const { playbook, edited } = state;
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    version: state.version,
    roles: playbook.roles.map((role) => ({
      id: role.id,
      label: role.label,
      tier: role.tier,
      appliesTo: role.appliesTo,
      skillCount: role.skills.length,
      edited: isEditedUnder(edited, `roles.${role.id}`),
      own: isCustomRoleId(role.id),
    })),
    models: playbook.models.map(({ id, label }) => ({ id, label })),
    stages: playbook.stages.map(({ id, label }) => ({ id, label })),
    editedCount: edited.size,
    skillCount: playbook.skills.filter((s) => !s.retired).length,
    versions,
    settings,
    viewer: {
      canEdit,
      canSettings: can(actor, "playbook.settings", { organisationId }),
    },
    saved: saved === "settings" || saved === "imported" ? saved : null,
    roleRemoved: saved === "role-removed",
    extensionSaved: saved === "extension-on" ? "on" : saved === "extension-off" ? "off" : null,
    extensions: EXTENSION_ROLE_IDS.map((id) => ({
      id,
      label: EXTENSION_LIBRARY[id].role.label,
      why: EXTENSION_LIBRARY[id].why,
      on: playbook.roles.some((r) => r.id === id),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requirePermission({ request, context }, "playbook.settings");
  const submission = parseForm(await readFormData(request), settingsSchema, PLAYBOOK_FORM);
  if (submission.status !== "success") return invalidSubmission(submission);
  await setManagersEditPlaybook({
    organisationId: actor.organisationId,
    allowed: submission.value.managersEdit === "on",
  });
  return redirect("/playbook?saved=settings");
}

export default function PlaybookPage() {
  const {
    version,
    roles,
    models,
    stages,
    editedCount,
    skillCount,
    versions,
    settings,
    viewer,
    saved,
    extensionSaved,
    extensions,
    roleRemoved,
  } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const modelLabel = (id: string) => localize(models.find((m) => m.id === id)?.label ?? { zh: id, en: id }, lang);
  const stageLabel = (id: string) => localize(stages.find((s) => s.id === id)?.label ?? { zh: id, en: id }, lang);

  return (
    <main id="main" className="mx-auto max-w-screen-2xl space-y-6 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("playbook.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("playbook.intro")}</p>
      </div>
      <PlaybookNav canEdit={viewer.canEdit} />
      {saved ? <StatusMessage tone="success">{t(`playbook.saved.${saved}`)}</StatusMessage> : null}
      {extensionSaved ? (
        <StatusMessage tone="success">{t(`extensionRoles.saved.${extensionSaved}`)}</StatusMessage>
      ) : null}
      {roleRemoved ? <StatusMessage tone="success">{t("customRoles.removed")}</StatusMessage> : null}
      <p className="text-sm" data-testid="playbook-version">
        {version === 0 ? t("playbook.shippedInUse") : t("playbook.versionInUse", { version, count: editedCount })}
      </p>

      <section aria-labelledby="roles-title" className="space-y-3">
        <h2 id="roles-title" className={ui.h2}>
          {t("playbook.roles.title")}
        </h2>
        <div className={ui.tableWrap} tabIndex={0}>
          <table className={ui.table}>
            <thead className={ui.thead}>
              <tr>
                <th className={ui.th}>{t("playbook.roles.role")}</th>
                <th className={ui.th}>{t("playbook.roles.tier")}</th>
                <th className={ui.th}>{t("playbook.roles.appliesTo")}</th>
                <th className={ui.th}>{t("playbook.roles.skills")}</th>
                <th className={ui.th}>
                  <span className="sr-only">{t("playbook.roles.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {roles.map((role) => (
                <tr key={role.id} data-role={role.id}>
                  <td className={ui.td}>
                    <span className="font-medium">{localize(role.label, lang)}</span>
                    {role.own ? (
                      <span className="ml-2">
                        <Badge tone="slate">{t("customRoles.own")}</Badge>
                      </span>
                    ) : null}
                    {role.edited && !role.own ? (
                      <span className="ml-2">
                        <Badge tone="indigo">{t("playbook.edited")}</Badge>
                      </span>
                    ) : null}
                  </td>
                  <td className={ui.td}>{stageLabel(role.tier)}</td>
                  <td className={ui.td}>
                    {role.appliesTo.length > 0
                      ? role.appliesTo.map(modelLabel).join(t("app.text.list"))
                      : t("playbook.roles.noModel")}
                  </td>
                  <td className={ui.td}>{role.skillCount}</td>
                  <td className={ui.td}>
                    <Link
                      to={`/playbook/roles/${role.id}`}
                      className={ui.link}
                      aria-label={t(viewer.canEdit ? "playbook.roles.editOf" : "playbook.roles.viewOf", {
                        role: localize(role.label, lang),
                      })}
                    >
                      {t(viewer.canEdit ? "playbook.roles.edit" : "playbook.roles.view")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="flex flex-wrap gap-4 text-sm">
          {viewer.canEdit ? (
            <Link to="/playbook/roles/new" className={ui.link}>
              {t("customRoles.newRole")}
            </Link>
          ) : null}
          <Link to="/playbook/skills" className={ui.link}>
            {t("playbook.skills.link", { count: skillCount })}
          </Link>
        </p>
      </section>

      <section aria-labelledby="extensions-title" className="space-y-3" data-testid="extension-roles">
        <h2 id="extensions-title" className={ui.h2}>
          {t("extensionRoles.title")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">{t("extensionRoles.intro")}</p>
        <ul className="grid gap-3 sm:grid-cols-2">
          {extensions.map((role) => (
            <li key={role.id} className={`${ui.card} space-y-2 text-sm`} data-extension={role.id}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{localize(role.label, lang)}</span>
                <Badge tone="slate">{t("extensionRoles.default")}</Badge>
                <Badge tone={role.on ? "green" : "slate"}>
                  {t(role.on ? "extensionRoles.on" : "extensionRoles.off")}
                </Badge>
              </p>
              <p className="text-slate-600">{localize(role.why, lang)}</p>
              <Link
                to={`/playbook/extensions/${role.id}`}
                className={ui.link}
                aria-label={t(role.on ? "extensionRoles.turnOffOf" : "extensionRoles.turnOnOf", {
                  role: localize(role.label, lang),
                })}
              >
                {viewer.canEdit
                  ? t(role.on ? "extensionRoles.turnOff" : "extensionRoles.turnOn")
                  : t("playbook.roles.view")}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="versions-title" className="space-y-3">
        <h2 id="versions-title" className={ui.h2}>
          {t("playbook.versions.title")}
        </h2>
        {versions.length === 0 ? (
          <p className={ui.empty}>{t("playbook.versions.empty")}</p>
        ) : (
          <ol className={`${ui.card} divide-y divide-slate-100 p-0 sm:p-0`} data-testid="versions">
            {versions.map((v) => (
              <li
                key={v.number}
                className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-5 py-3 text-sm"
                data-version={v.number}
              >
                <Link to={`/playbook/versions/${v.number}`} className={ui.link}>
                  {t("playbook.versions.number", { number: v.number })}
                </Link>
                {v.number === version ? <Badge tone="green">{t("playbook.versions.current")}</Badge> : null}
                <span className="text-slate-900">{v.summary}</span>
                <span className="text-slate-500">
                  {v.createdByName} · <DateTime value={v.createdAt} lang={lang} />
                </span>
                {v.revertOf !== null ? (
                  <span className="text-slate-500">{t("playbook.versions.revertOf", { number: v.revertOf })}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      {viewer.canSettings ? (
        <section aria-labelledby="settings-title" className={`${ui.card} space-y-3`}>
          <h2 id="settings-title" className={ui.h2}>
            {t("playbook.settings.title")}
          </h2>
          <Form method="post" className="space-y-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="managersEdit" value="on" defaultChecked={settings.managersEditPlaybook} />
              {t("playbook.settings.managersEdit")}
            </label>
            <button type="submit" className={ui.secondaryButton} disabled={navigation.state === "submitting"}>
              {t("playbook.settings.save")}
            </button>
          </Form>
        </section>
      ) : null}
    </main>
  );
}

export const ErrorBoundary = sectionErrorBoundary("playbook");
