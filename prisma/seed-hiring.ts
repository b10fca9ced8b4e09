/**
 * The demo organisation's hiring: a target (from marketplace seller at growth
 * to an independent DTC site at the mature stage, the source's Shenzhen case
 * a step further) and a hiring plan with positions in every status, one of
 * them filled by a member of the demo team and one (tech, open) public, so a
 * member sees it under "Open positions" and nothing else of the plan.
 *
 * Runs only while the organisation has no target and no positions, so it
 * never touches a plan someone edited.
 */
import { db } from "../app/utils/db.server";

interface DemoPosition {
  roleId: string;
  headcount: number;
  targetQuarter: string;
  status: "planned" | "open" | "offer" | "filled" | "cancelled";
  notes: string;
  /** the demo member who filled it, by email */
  filledBy?: string;
  /** shown to the whole organisation under "Open positions" (PRODUCT.md "Privacy") */
  isPublic?: boolean;
}

const POSITIONS: DemoPosition[] = [
  {
    roleId: "tech_dev",
    headcount: 2,
    targetQuarter: "2027-Q1",
    status: "open",
    notes: "独立站前端与结账流程 Storefront and checkout for the own site",
    isPublic: true,
  },
  {
    roleId: "marketing",
    headcount: 1,
    targetQuarter: "2027-Q1",
    status: "filled",
    notes: "内容与社媒 Content and social media",
    filledBy: "jiang.xin@demo.example",
  },
  {
    roleId: "marketing",
    headcount: 1,
    targetQuarter: "2027-Q1",
    status: "offer",
    notes: "效果广告投放 Performance marketing (Google, Meta)",
  },
  {
    roleId: "data_analysis",
    headcount: 1,
    targetQuarter: "2027-Q2",
    status: "planned",
    notes: "复购与用户画像 Retention and customer analytics",
  },
  {
    roleId: "compliance_risk",
    headcount: 1,
    targetQuarter: "2027-Q3",
    status: "planned",
    notes: "GDPR 与支付风控 GDPR and payment risk",
  },
  {
    roleId: "operations_manager",
    headcount: 1,
    targetQuarter: "2027-Q2",
    status: "cancelled",
    notes: "沃尔玛扩张暂缓 Walmart expansion paused",
  },
];

export async function seedDemoHiring(organisationId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUnique({
      where: { id: organisationId },
      select: { targetOperatingModel: true },
    });
    const existing = await tx.hiringPosition.count({ where: { organisationId } });
    if (!organisation || organisation.targetOperatingModel !== null || existing > 0) return 0;
    await tx.organisation.update({
      where: { id: organisationId },
      data: { targetOperatingModel: "independent_site", targetStage: "mature" },
    });
    const owner = await tx.user.findFirst({
      where: { organisationId, email: "manager@demo.example" },
      select: { id: true },
    });
    const hr = await tx.user.findFirst({ where: { organisationId, email: "hr@demo.example" }, select: { id: true } });
    let order = 0;
    for (const p of POSITIONS) {
      const filledBy = p.filledBy
        ? await tx.member.findFirst({ where: { organisationId, email: p.filledBy }, select: { id: true } })
        : null;
      await tx.hiringPosition.create({
        data: {
          organisationId,
          roleId: p.roleId,
          headcount: p.headcount,
          targetQuarter: p.targetQuarter,
          sortOrder: order++,
          // a position whose member is missing stays open rather than "filled" by nobody
          status: p.status === "filled" && !filledBy ? "open" : p.status,
          notes: p.notes,
          ownerUserId: (p.status === "offer" ? hr?.id : owner?.id) ?? null,
          filledByMemberId: filledBy?.id ?? null,
          isPublic: p.isPublic ?? false,
        },
      });
    }
    return POSITIONS.length;
  });
}
