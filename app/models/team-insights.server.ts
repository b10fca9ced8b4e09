import type { Actor } from "~/domain/permissions";
import type { ModelId, RoleId, StageId } from "~/domain/types";
import { localize } from "~/domain/vocabulary";
import type { RequestArgs } from "~/utils/auth.server";
import { languageFor } from "~/utils/i18n.server";
import { plannerHref } from "~/utils/sizing-query";
import { isHeadcountEdited } from "~/domain/edited-marks";
import { editedMarksForProfile, sizedForOrganisation } from "./business-profile.server";
import { playbookStateForOrganisation } from "./playbook.server";
import { keptTeamView } from "./team-state.server";

/**
 * What the team's chart and its gaps page both start from: the organisation's
 * playbook, the reader's language, the kept team, the recommendation sized to
 * the business profile, the gaps this reader may see (privacy, issue 14), each
 * role's staffing, the labels of roles and skills, and the link to the planner with the profile.
 */
export async function teamInsightsBasis(
  args: RequestArgs,
  { actor, organisation }: { actor: Actor; organisation: { id: string; operatingModel: ModelId; stage: StageId } },
) {
  const [state, lang] = await Promise.all([playbookStateForOrganisation(organisation.id), languageFor(args.request)]);
  const { playbook } = state;
  const { recommendation, profile } = await sizedForOrganisation({
    organisationId: organisation.id,
    operatingModel: organisation.operatingModel,
    stage: organisation.stage,
    playbook,
  });
  // filtered once per reader and team revision (decision 0017)
  const { team, visible: gaps } = await keptTeamView(actor, organisation.id, recommendation);
  // the numbers that come from the organisation's edited playbook, marked on the page (issue 13)
  const marks = editedMarksForProfile({
    state,
    profile,
    operatingModel: organisation.operatingModel,
    stage: organisation.stage,
  });

  const roleLabels = new Map(recommendation.roles.map((r) => [r.id, localize(r.label, lang)]));
  // a required skill the catalogue no longer lists still has its label in the recommendation
  const skillLabels = new Map(playbook.skills.map((s) => [s.id, localize(s.label, lang)]));
  for (const r of recommendation.roles)
    for (const s of r.skills) if (!skillLabels.has(s.id)) skillLabels.set(s.id, localize(s.label, lang));

  const roleLabel = (id: RoleId) => roleLabels.get(id) ?? id;
  const skillLabel = (id: string) => skillLabels.get(id) ?? id;
  // each role's staffing, as the staffing table shows it (withheld: no holder's figures, app/domain/visibility.ts)
  const staffing = gaps.roles.map((c) => ({
    roleId: c.roleId,
    label: roleLabel(c.roleId),
    priority: c.priority,
    headcount: c.headcount,
    headcountEdited: isHeadcountEdited(marks, c.roleId),
    fte: c.fte,
    unfilledSeats: c.unfilledSeats,
    overStaffedBy: c.overStaffedBy,
    holderCount: c.holders.length,
    skillsBelow: c.skillsBelow.map(skillLabel),
    skillsNotAssessed: c.skillsNotAssessed.map(skillLabel),
    withheld: c.withheld,
  }));

  return {
    playbook,
    playbookVersion: state.version,
    marks,
    lang,
    team,
    recommendation,
    profile,
    gaps,
    staffing,
    roleLabel,
    skillLabel,
    plannerHref: plannerHref({
      operatingModel: organisation.operatingModel,
      stage: organisation.stage,
      channels: profile.channels,
      drivers: profile.drivers,
    }),
  };
}
