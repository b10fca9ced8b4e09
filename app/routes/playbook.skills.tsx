import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EditedMark, PlaybookNav, ProblemList } from "~/components/playbook/PlaybookNav";
import {
  Badge,
  ConfirmAction,
  ConfirmPanel,
  FieldErrors,
  FormErrors,
  StatusMessage,
  sectionErrorBoundary,
  titleMeta,
  ui,
  useLang,
} from "~/components/ui";
import { isEditedUnder } from "~/domain/playbook-diff";
import { withSkillAdded, withSkillRenamed, withSkillRestored, withSkillRetired } from "~/domain/playbook-edit";
import { localize } from "~/domain/vocabulary";
import { LABEL_MAX, PLAYBOOK_FORM, skillSchema, TEXT_MAX } from "~/forms/playbook";
import { playbookStrings } from "~/locales/playbook";
import { readPlaybookPage, playbookAtVersion, requirePlaybookEditor, savePlaybook } from "~/models/playbook.server";
import { notFound } from "~/utils/auth.server";
import { invalidSubmission, parseForm, readFormData } from "~/utils/forms";
import { languageFor } from "~/utils/i18n.server";

export const meta = titleMeta((lang) => [playbookStrings[lang].skills.title, playbookStrings[lang].title]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { state, canEdit } = await readPlaybookPage({ request, context });
  const { playbook, edited } = state;
  const usedBy = (skillId: string) =>
    playbook.roles.filter((r) => r.skills.some((s) => s.skillId === skillId)).map((r) => r.label);
  const url = new URL(request.url);
  return {
    version: state.version,
    skills: playbook.skills.map((s) => ({
      ...s,
      retired: s.retired === true,
      usedBy: usedBy(s.id),
      edited: isEditedUnder(edited, `skills.${s.id}`),
    })),
    canEdit,
    saved: url.searchParams.get("saved"),
    confirmRetire: url.searchParams.get("retire"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requirePlaybookEditor({ request, context });
  const organisationId = signedIn.actor.organisationId;
  const submission = parseForm(await readFormData(request), skillSchema, PLAYBOOK_FORM);
  if (submission.status !== "success") return invalidSubmission(submission, { extra: { problems: [] as string[] } });
  const value = submission.value;
  const loaded = await playbookAtVersion({ organisationId, number: value.version });
  if (!loaded) throw notFound();
  const lang = await languageFor(request);
  const said = playbookStrings[lang].skills.summaries;
  let next;
  let summary: string;
  if (value.intent === "add") {
    if (loaded.skills.some((s) => s.id === value.id))
      return invalidSubmission(submission, {
        fieldErrors: { id: ["playbook.errors.skillExists"] },
        extra: { problems: [] as string[] },
      });
    next = withSkillAdded(loaded, value);
    summary = said.add.replace("{{skill}}", value.label[lang]);
  } else {
    const skill = loaded.skills.find((s) => s.id === value.skillId);
    if (!skill) throw notFound();
    if (value.intent === "rename") {
      next = withSkillRenamed(loaded, value.skillId, value.label, value.description);
      summary = said.rename.replace("{{skill}}", value.label[lang]);
    } else if (value.intent === "retire") {
      next = withSkillRetired(loaded, value.skillId);
      summary = said.retire.replace("{{skill}}", skill.label[lang]);
    } else {
      next = withSkillRestored(loaded, value.skillId);
      summary = said.restore.replace("{{skill}}", skill.label[lang]);
    }
  }
  const result = await savePlaybook({
    organisationId,
    version: value.version,
    next,
    summary,
    author: { userId: signedIn.user.id, name: signedIn.user.name },
  });
  if (result.ok) return redirect(`/playbook/skills?saved=${value.intent}`);
  if (result.reason === "not_found") throw notFound();
  if (result.reason === "conflict")
    return invalidSubmission(submission, {
      status: 409,
      formErrors: ["playbook.errors.staleSkills"],
      extra: { problems: [] as string[] },
    });
  return invalidSubmission(submission, {
    formErrors: ["playbook.errors.invalidPlaybook"],
    extra: { problems: result.problems },
  });
}

export default function SkillsPage() {
  const { version, skills, canEdit, saved, confirmRetire } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const navigation = useNavigation();
  const errors = answer?.lastResult?.error ?? {};
  const intentSent = (answer?.lastResult?.initialValue as Record<string, unknown> | undefined)?.intent;
  // what was typed in the add form comes back with its errors
  const typedAdd = (name: string) => {
    if (intentSent !== "add") return "";
    let cur: unknown = answer?.lastResult?.initialValue;
    for (const key of name.split("."))
      cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[key] : undefined;
    return typeof cur === "string" ? cur : "";
  };
  const retiring = skills.find((s) => s.id === confirmRetire && !s.retired);

  return (
    <main id="main" className="mx-auto max-w-screen-2xl space-y-6 px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("playbook.skills.title")}</h1>
      <PlaybookNav canEdit={canEdit} />
      <p className="max-w-3xl text-sm text-slate-600">{t("playbook.skills.intro")}</p>
      {saved && ["add", "rename", "retire", "restore"].includes(saved) ? (
        <StatusMessage>{t(`playbook.skills.saved.${saved}`)}</StatusMessage>
      ) : null}
      <FormErrors id="skills-errors" errors={errors[""] ?? undefined} />
      <ProblemList problems={answer?.problems ?? []} />
      {canEdit && retiring ? (
        <ConfirmPanel
          action="/playbook/skills"
          cancelHref="/playbook/skills"
          fields={{ intent: "retire", version: String(version), skillId: retiring.id }}
          title={t("playbook.skills.retireTitle", { skill: localize(retiring.label, lang) })}
          body={t("playbook.skills.retireBody")}
          confirmLabel={t("playbook.skills.retire")}
        />
      ) : null}
      <div className={ui.tableWrap} tabIndex={0}>
        <table className={ui.table}>
          <thead className={ui.thead}>
            <tr>
              <th className={ui.th}>{t("playbook.skills.skill")}</th>
              <th className={ui.th}>{t("playbook.skills.usedBy")}</th>
              <th className={ui.th}>
                <span className="sr-only">{t("playbook.roles.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {skills.map((skill) => (
              <tr key={skill.id} data-skill={skill.id}>
                <td className={ui.td}>
                  <span className={skill.retired ? "text-slate-500 line-through" : "font-medium"}>
                    {localize(skill.label, lang)}
                  </span>
                  <EditedMark edited={skill.edited} />
                  {skill.retired ? (
                    <span className="ml-2">
                      <Badge tone="slate">{t("playbook.skills.retired")}</Badge>
                    </span>
                  ) : null}
                  <p className="text-xs text-slate-500">{localize(skill.description, lang)}</p>
                  <p className="font-mono text-xs text-slate-400">{skill.id}</p>
                </td>
                <td className={ui.td}>
                  {skill.usedBy.length > 0
                    ? skill.usedBy.map((l) => localize(l, lang)).join(t("app.text.list"))
                    : t("playbook.skills.unused")}
                </td>
                <td className={ui.td}>
                  {canEdit ? (
                    <div className="space-y-2">
                      <details>
                        <summary className={`${ui.link} cursor-pointer`}>{t("playbook.skills.rename")}</summary>
                        <Form method="post" className="mt-2 grid gap-2 sm:grid-cols-2">
                          <input type="hidden" name="intent" value="rename" />
                          <input type="hidden" name="version" value={version} />
                          <input type="hidden" name="skillId" value={skill.id} />
                          {(["zh", "en"] as const).map((l) => (
                            <label key={`label-${l}`} className="text-xs">
                              {t(`playbook.skills.label_${l}`)}
                              <input
                                name={`label.${l}`}
                                required
                                maxLength={LABEL_MAX}
                                defaultValue={skill.label[l]}
                                className={ui.input}
                              />
                            </label>
                          ))}
                          {(["zh", "en"] as const).map((l) => (
                            <label key={`desc-${l}`} className="text-xs">
                              {t(`playbook.skills.description_${l}`)}
                              <input
                                name={`description.${l}`}
                                required
                                maxLength={TEXT_MAX}
                                defaultValue={skill.description[l]}
                                className={ui.input}
                              />
                            </label>
                          ))}
                          <button
                            type="submit"
                            className={ui.secondaryButton}
                            disabled={navigation.state === "submitting"}
                          >
                            {t("playbook.skills.saveName")}
                          </button>
                        </Form>
                      </details>
                      {skill.retired ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="restore" />
                          <input type="hidden" name="version" value={version} />
                          <input type="hidden" name="skillId" value={skill.id} />
                          <button type="submit" className={ui.link}>
                            {t("playbook.skills.restore")}
                          </button>
                        </Form>
                      ) : (
                        <ConfirmAction
                          confirmHref={`/playbook/skills?retire=${skill.id}`}
                          action="/playbook/skills"
                          fields={{ intent: "retire", version: String(version), skillId: skill.id }}
                          title={t("playbook.skills.retireTitle", { skill: localize(skill.label, lang) })}
                          body={t("playbook.skills.retireBody")}
                          confirmLabel={t("playbook.skills.retire")}
                          triggerLabel={t("playbook.skills.retire")}
                          triggerAriaLabel={t("playbook.skills.retireOf", { skill: localize(skill.label, lang) })}
                        />
                      )}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {canEdit ? (
        <section aria-labelledby="add-title" className={`${ui.card} space-y-4`}>
          <h2 id="add-title" className={ui.h2}>
            {t("playbook.skills.addTitle")}
          </h2>
          <Form method="post" className="grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="intent" value="add" />
            <input type="hidden" name="version" value={version} />
            <div className="sm:col-span-2">
              <label htmlFor="skill-id" className={ui.label}>
                {t("playbook.skills.id")}
              </label>
              <input
                id="skill-id"
                name="id"
                maxLength={64}
                defaultValue={typedAdd("id")}
                className={ui.input}
                aria-describedby="skill-id-hint skill-id-error"
              />
              <p id="skill-id-hint" className={ui.hint}>
                {t("playbook.skills.idHint")}
              </p>
              <FieldErrors id="skill-id-error" errors={intentSent === "add" ? (errors.id ?? undefined) : undefined} />
            </div>
            {(["label", "description"] as const).flatMap((field) =>
              (["zh", "en"] as const).map((l) => (
                <div key={`${field}.${l}`}>
                  <label htmlFor={`add-${field}-${l}`} className={ui.label}>
                    {t(`playbook.skills.${field}_${l}`)}
                  </label>
                  <input
                    id={`add-${field}-${l}`}
                    name={`${field}.${l}`}
                    maxLength={field === "label" ? LABEL_MAX : TEXT_MAX}
                    defaultValue={typedAdd(`${field}.${l}`)}
                    className={ui.input}
                  />
                  <FieldErrors
                    id={`add-${field}-${l}-error`}
                    errors={intentSent === "add" ? (errors[`${field}.${l}`] ?? undefined) : undefined}
                  />
                </div>
              )),
            )}
            <div className="sm:col-span-2">
              <button type="submit" className={ui.primaryButton} disabled={navigation.state === "submitting"}>
                {t("playbook.skills.add")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      <p className="text-sm">
        <Link to="/playbook" className={ui.link}>
          ← {t("playbook.title")}
        </Link>
      </p>
    </main>
  );
}

export const ErrorBoundary = sectionErrorBoundary("playbook");
