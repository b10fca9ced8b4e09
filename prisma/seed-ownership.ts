/**
 * The demo organisation's process ownership: a marketplace seller at the
 * growth stage starts from the platform defaults, then shows the problems
 * the source warns about (overlapping duties, steps nobody drives):
 *
 * - customs documents: supply chain and compliance both accountable;
 * - clearance agent: supply chain and operations both accountable (the
 *   operations team books the agent for FBA inbound shipments);
 * - campaign calendar: marketing and operations both do the work, nobody is accountable;
 * - duties and taxes: was claimed by both, resolved by a decision (in its log).
 *
 * Runs only while the organisation has no stored steps, so it never touches
 * a matrix someone edited.
 */
import { decideProposal, proposeOwner, setCell, storeDefaultSteps } from "../app/models/ownership.server";
import type { ModelId } from "../app/domain/types";
import { db } from "../app/utils/db.server";

export async function seedDemoOwnership(organisationId: string): Promise<void> {
  if ((await db.processStep.count({ where: { organisationId } })) > 0) return;
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { operatingModel: true },
  });
  const model = organisation.operatingModel as ModelId;
  await storeDefaultSteps({ organisationId, model });
  const cell = (
    key: string,
    roleId: Parameters<typeof setCell>[0]["roleId"],
    letter: Parameters<typeof setCell>[0]["letter"],
  ) => setCell({ organisationId, model, key, roleId, letter });

  await cell("customs_documents", "compliance_risk", "A");
  await cell("clearance_agent", "operations_manager", "A");
  await cell("campaign_calendar", "marketing", "R");
  await cell("duties_taxes", "supply_chain", "A");

  const users = await db.user.findMany({
    where: { organisationId, email: { in: ["lead.supply@demo.example", "manager@demo.example"] } },
    select: { id: true, name: true, email: true },
  });
  const lead = users.find((user) => user.email === "lead.supply@demo.example");
  const manager = users.find((user) => user.email === "manager@demo.example");
  if (!lead || !manager) return;
  const proposal = await proposeOwner({
    organisationId,
    model,
    key: "duties_taxes",
    owner: "compliance_risk",
    reason:
      "税费申报要按目标国政策如实申报，合规对结果负责；供应链继续准备货值和申报数据。 Duties must be declared as each market's rules say: compliance owns the outcome, supply chain keeps preparing the values.",
    proposer: { userId: lead.id, name: lead.name },
  });
  if (!proposal.ok) return;
  await decideProposal({
    organisationId,
    key: "duties_taxes",
    proposalId: proposal.proposalId!,
    decision: "accept",
    reason:
      "同意。欧盟 VAT 和美国关税规则由合规跟踪；供应链执行。 Agreed: compliance follows EU VAT and US duty rules; supply chain does the filing.",
    decider: { userId: manager.id, name: manager.name },
  });
}
