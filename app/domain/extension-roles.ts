/**
 * The shipped library of extension roles (issue 13): four roles that growing
 * cross-border companies commonly add beside the source's seven (customer
 * service, finance and tax, B2B sales, advertising specialist). The source
 * article names none of them, so every figure and text here is a product
 * default written from industry practice; sizing ratios cite
 * /work/shared/docs/SIZING-REFERENCES.md where a published figure exists.
 * A playbook holds an extension role only when the organisation turns it
 * on; the shipped playbook holds none. See docs/decisions/0015 (addendum).
 *
 * Pure data and pure functions from one playbook to the next, no I/O.
 */
import type {
  CollaborationLinkDefinition,
  DriverId,
  ExtensionRoleId,
  Localized,
  Playbook,
  RoleDefinition,
  RoleId,
  SizingReference,
  SizingRule,
  SkillDefinition,
  TrustGrade,
} from "./types";
import { CORE_ROLE_IDS, EXTENSION_ROLE_IDS } from "./types";
import { isCustomRoleId } from "./vocabulary";
import { t, hc, lv } from "./playbook-text";

const ref = (id: string, trust: TrustGrade, zh: string, en: string): SizingReference => ({
  id,
  trust,
  note: t(zh, en),
});
const row = (
  roleId: ExtensionRoleId,
  driver: DriverId,
  low: number,
  high: number,
  ratio: Localized,
  references: SizingReference[],
  basis: Localized,
): SizingRule => ({
  roleId,
  driver,
  perPerson: { low, high },
  ratio,
  productDefault: true,
  references,
  basis,
});
const link = (from: RoleId, to: RoleId, zh: string, en: string): CollaborationLinkDefinition => ({
  from,
  to,
  reason: t(zh, en),
});

/** One entry of the library: the role, the skills it brings to the catalogue, its links and sizing rows. */
export interface ExtensionRoleEntry {
  role: RoleDefinition;
  /** why a company adds the role, for the roles page */
  why: Localized;
  /** skills the shipped catalogue lacks; added when the role is turned on, kept (retired if unused) when off */
  skills: SkillDefinition[];
  /** links to roles the playbook holds; a link whose other end is absent is left out */
  links: CollaborationLinkDefinition[];
  sizing: SizingRule[];
}

const customerService: ExtensionRoleEntry = {
  why: t(
    "订单量上来后，买家消息、退换货和差评需要专人用当地语言及时处理，否则会拖累账户健康和复购。",
    "Once orders grow, buyer messages, returns and reviews need someone answering promptly in the buyer's language, or account health and repurchase suffer.",
  ),
  role: {
    id: "customer_service",
    label: t("多语种客服", "Customer service (multilingual)"),
    tier: "growth",
    appliesTo: ["platform", "independent_site"],
    coreResponsibilities: [
      t("用买家语言处理售前咨询与售后问题", "Answer pre-sale questions and after-sales issues in the buyer's language"),
      t("处理退换货、退款与纠纷", "Handle returns, refunds and disputes"),
      t("把评价和投诉反馈给产品与运营", "Feed reviews and complaints back to product and operations"),
    ],
    responsibilitiesByModel: {
      platform: [
        t(
          "在平台时限内（亚马逊为 24 小时）用站点语言回复买家消息",
          "Reply to buyer messages in the marketplace's language within its deadline (24 hours on Amazon)",
        ),
        t(
          "处理退货退款、A-to-Z 索赔和差评，守住订单缺陷率等账户健康指标",
          "Handle returns, refunds, A-to-Z claims and negative feedback, keeping account-health metrics such as the order defect rate in bounds",
        ),
        t(
          "整理高频问题，推动改进详情页和产品",
          "Collect recurring questions and push for better listings and products",
        ),
      ],
      independent_site: [
        t(
          "通过在线聊天、邮件和社媒私信答复顾客",
          "Answer customers through live chat, email and social media messages",
        ),
        t("处理物流查询、退换货和信用卡拒付（Chargeback）", "Handle delivery enquiries, returns and card chargebacks"),
        t("回访老顾客、收集反馈，推动复购", "Follow up with past customers and collect feedback to drive repurchase"),
      ],
    },
    skills: [
      { skillId: "customer_support", levels: lv(2, 3, 3) },
      { skillId: "multi_language_culture", levels: lv(2, 3, 3) },
      { skillId: "platform_rules", levels: lv(1, 2, 2) },
      { skillId: "erp_crm_tools", levels: lv(1, 2, 3) },
    ],
    headcount: hc([1, 1], [1, 3], [2, 6]),
    headcountByModel: {},
    optionalCover: t(
      "运营经理兼管，或外包给多语种客服团队",
      "The operations manager, or an outsourced multilingual support team",
    ),
    optionalCoverByModel: {},
    orgChallenge: t("响应时效与多语种覆盖", "Response times and language coverage"),
    reportsTo: "operations_manager",
  },
  skills: [
    {
      id: "customer_support",
      label: t("客户服务与售后", "Customer support and after-sales"),
      description: t(
        "按平台规则处理咨询、退换货、索赔与差评，使用客服系统和话术模板，守住响应时效",
        "Handling enquiries, returns, claims and negative reviews by the platform's rules, with a help desk and reply templates, within the response deadlines",
      ),
    },
  ],
  links: [
    link(
      "customer_service",
      "product_manager",
      "本产品默认设置：退货原因和差评是选品与产品迭代最直接的依据（原文第四节“沟通不畅，导致跨部门协同效率低”）。",
      "A product default: return reasons and negative reviews are the most direct input to product selection and improvement (the source, §四, names poor cross-department communication).",
    ),
    link(
      "customer_service",
      "supply_chain",
      "本产品默认设置：物流查询和丢件索赔需要与物流商、海外仓对接。",
      "A product default: delivery enquiries and lost-parcel claims need the carriers and overseas warehouses.",
    ),
  ],
  sizing: [
    row(
      "customer_service",
      "ordersPerDay",
      260,
      390,
      t("每名客服支撑日均 260–390 单", "one agent per 260–390 orders a day"),
      [
        ref("G2", "B", "每 100 单约 6.7 个工单", "about 6.7 tickets per 100 orders"),
        ref(
          "G3",
          "B",
          "每名客服每月约 821 个工单（约每天 37 个）",
          "about 821 tickets per agent a month (37 a workday)",
        ),
        ref("G6", "C", "排班损耗 20–35 %", "shrinkage of 20–35 %"),
      ],
      t(
        "37 个工单/天 ×（1 − 30 % 损耗）÷ 每单 6.7 %–10 % 的工单率，约 260–390 单/人/天。",
        "37 tickets a day × (1 − 30 % shrinkage) ÷ 6.7 %–10 % tickets per order: about 260–390 orders per agent a day.",
      ),
    ),
    row(
      "customer_service",
      "languages",
      1,
      2,
      t("每名客服覆盖 1–2 种语言", "one agent per 1–2 customer languages"),
      [
        ref(
          "G8",
          "A",
          "亚马逊要求用站点语言在 24 小时内回复",
          "Amazon asks for replies in the marketplace's language within 24 hours",
        ),
        ref("G9", "C", "实时渠道每种语言至少 3–4 名坐席", "live channels need 3–4 agents per language"),
      ],
      t(
        "以邮件和消息为主的异步客服可一人兼顾两种语言；提供电话或在线聊天时每种语言需更多人手。",
        "Asynchronous support (email, messages) lets one agent cover two languages; live chat or phone needs more people per language.",
      ),
    ),
  ],
};

const financeTax: ExtensionRoleEntry = {
  why: t(
    "多平台、多币种回款，欧洲各国 VAT 申报和出口退税，靠代理记账很快跟不上，且直接影响利润和现金流。",
    "Payouts from several platforms in several currencies, VAT returns across Europe and export tax rebates soon outgrow a bookkeeping agency, and they decide margin and cash flow.",
  ),
  role: {
    id: "finance_tax",
    label: t("财务税务", "Finance & tax"),
    tier: "growth",
    appliesTo: ["platform", "independent_site", "distribution", "b2b"],
    coreResponsibilities: [
      t("回款对账与结汇", "Collections, reconciliation and FX settlement"),
      t("出口退税申报", "Export tax rebates"),
      t("VAT 等跨境税务申报", "VAT and other cross-border tax filings"),
    ],
    responsibilitiesByModel: {
      platform: [
        t(
          "核对平台结算报告与收款账户到账，按批次结汇，核算汇率损益",
          "Reconcile marketplace settlement reports with the collection account, convert currency in batches and book FX gains and losses",
        ),
        t(
          "办理欧盟、英国 VAT 注册与按期申报，跟进平台代扣代缴",
          "Register and file VAT in the EU and UK on time, and track the marketplace's deemed-supplier collection",
        ),
        t(
          "归集报关单、增值税专用发票等资料，申报出口退税",
          "Collect export declarations and VAT invoices and claim export tax rebates",
        ),
        t(
          "按店铺、SKU 核算利润（含广告、仓储和平台费用）",
          "Work out profit per store and SKU, after ads, storage and platform fees",
        ),
      ],
      independent_site: [
        t(
          "核对 Stripe、PayPal 等支付渠道到账，核算手续费与拒付损失",
          "Reconcile payouts from Stripe, PayPal and other gateways, and book fees and chargeback losses",
        ),
        t("处理目标市场的 VAT 或销售税", "Handle VAT or sales tax in the target markets"),
        t("结汇并管理汇率风险", "Convert currency and manage exchange-rate risk"),
      ],
      distribution: [
        t("与上游货源和下游代理商对账结算", "Settle accounts with suppliers upstream and agents downstream"),
        t("核算返利与佣金，管理应收应付", "Work out rebates and commissions, and manage receivables and payables"),
      ],
      b2b: [
        t(
          "跟踪 T/T、信用证回款，管理应收账款与客户信用额度",
          "Track T/T and letter-of-credit payments, receivables and customer credit limits",
        ),
        t(
          "办理结汇、外汇收支申报，管理汇率风险",
          "Convert and report foreign-exchange receipts, and manage exchange-rate risk",
        ),
        t("申报出口退税，配合海关与外汇核查", "Claim export tax rebates and support customs and FX checks"),
      ],
    },
    skills: [
      { skillId: "cross_border_settlement", levels: lv(2, 3, 3) },
      { skillId: "cross_border_tax", levels: lv(2, 3, 4) },
      { skillId: "international_regulation", levels: lv(1, 2, 3) },
      { skillId: "erp_crm_tools", levels: lv(1, 2, 2) },
    ],
    headcount: hc([1, 1], [1, 2], [2, 4]),
    headcountByModel: {},
    optionalCover: t(
      "代理记账公司和税务代理，创始人把关回款与结汇",
      "A bookkeeping agency and a tax agent, with the founder watching collections and currency conversion",
    ),
    optionalCoverByModel: {
      managed_service: t(
        "服务商代收代付，企业的代理记账公司核对结算",
        "The service provider collects and pays, and the company's bookkeeping agency checks the settlements",
      ),
    },
    orgChallenge: t("业务与财务数据脱节", "Sales and finance data that do not match"),
    reportsTo: "general_manager",
  },
  skills: [
    {
      id: "cross_border_settlement",
      label: t("跨境收款与结汇", "Cross-border collections and FX"),
      description: t(
        "平台回款对账、收款账户管理、结汇与汇率风险控制",
        "Reconciling platform payouts, managing collection accounts, converting currency and controlling exchange-rate risk",
      ),
    },
    {
      id: "cross_border_tax",
      label: t("跨境税务（VAT 与出口退税）", "Cross-border tax (VAT, export rebates)"),
      description: t(
        "欧盟、英国 VAT 注册与申报，出口退税申报与核销，各国销售税规则",
        "Registering and filing VAT in the EU and UK, claiming export tax rebates, and the sales-tax rules of each market",
      ),
    },
  ],
  links: [
    link(
      "finance_tax",
      "compliance_risk",
      "本产品默认设置：VAT 与出口退税既是税务也是合规问题，申报口径要一致。",
      "A product default: VAT and export rebates are both tax and compliance matters, and the two must file the same figures.",
    ),
    link(
      "finance_tax",
      "data_analysis",
      "原文第四节“常见组织挑战”：“数据孤岛，无法实现全流程优化”；利润核算需要销售、广告与物流数据。",
      "The source (§四) names data silos that block end-to-end optimisation: profit accounting needs sales, ad and logistics data.",
    ),
  ],
  sizing: [
    row(
      "finance_tax",
      "markets",
      4,
      8,
      t("每人负责 4–8 个市场的税务与结算", "one person per 4–8 markets' tax and settlement"),
      [
        ref(
          "F1",
          "A",
          "每 10 亿美元营收约 69 名财务人员（中位数，大型企业）",
          "about 69 finance staff per $1B of revenue (median, large firms)",
        ),
      ],
      t(
        "F1 按营收计，而营收不是驱动因素；VAT 和销售税按国家申报，故按市场数取产品默认值。",
        "F1 is per revenue, which is not a driver; VAT and sales tax are filed per country, so the product default is per market.",
      ),
    ),
  ],
};

const b2bSales: ExtensionRoleEntry = {
  why: t(
    "外贸企业的询盘、报价、跟单和回款由业务员负责，客户关系是主要资产，不宜长期由产品经理兼做。",
    "An exporter's enquiries, quotes, order follow-up and collections belong to its sales people; the customer relationships are its main asset and should not stay a side job of the product manager.",
  ),
  role: {
    id: "b2b_sales",
    label: t("外贸业务", "B2B sales"),
    tier: "startup",
    appliesTo: ["b2b", "distribution"],
    coreResponsibilities: [
      t("询盘跟进、报价与谈判", "Follow up enquiries, quote and negotiate"),
      t("签订合同并跟进订单", "Sign contracts and follow orders through"),
      t("催收回款，维护客户", "Collect payments and keep customers"),
    ],
    responsibilitiesByModel: {
      b2b: [
        t(
          "回复阿里巴巴国际站等平台的询盘与 RFQ，按贸易术语（FOB、CIF 等）报价",
          "Answer enquiries and RFQs on Alibaba.com and similar platforms, quoting by Incoterms (FOB, CIF…)",
        ),
        t(
          "通过展会、开发信和社媒开发海外采购商",
          "Win overseas buyers through trade fairs, outreach emails and social media",
        ),
        t("跟单：打样、生产进度、订舱与出运", "Follow each order: samples, production progress, booking and shipment"),
        t("催收尾款，维护老客户并争取返单", "Collect balance payments and keep past customers ordering again"),
      ],
      distribution: [
        t("招募和管理分销商、代理商", "Recruit and manage distributors and agents"),
        t(
          "制定渠道价格与返利政策，防止串货乱价",
          "Set channel prices and rebates, and stop cross-selling and price undercutting",
        ),
        t("与代理商对账，跟进结算", "Reconcile with agents and follow settlement through"),
      ],
    },
    skills: [
      { skillId: "b2b_negotiation", levels: lv(2, 3, 4) },
      { skillId: "multi_language_culture", levels: lv(2, 3, 3) },
      { skillId: "market_insight", levels: lv(1, 2, 3) },
      { skillId: "erp_crm_tools", levels: lv(1, 2, 3) },
    ],
    headcount: hc([1, 2], [2, 4], [3, 8]),
    headcountByModel: {
      distribution: hc([1, 1], [1, 2], [2, 4]),
    },
    optionalCover: t(
      "产品经理兼做报价和谈判，创始人维护大客户",
      "The product manager quotes and negotiates, and the founder keeps the key accounts",
    ),
    optionalCoverByModel: {},
    orgChallenge: t("客户资源沉淀在个人手中", "Customer relationships that stay with one salesperson"),
    reportsTo: "general_manager",
  },
  skills: [
    {
      id: "b2b_negotiation",
      label: t("外贸谈判与报价", "B2B negotiation and quoting"),
      description: t(
        "按贸易术语核算报价，谈判付款方式（T/T、信用证）、交期与质量条款，跟进样品和合同",
        "Pricing by Incoterms, negotiating payment terms (T/T, letters of credit), lead times and quality clauses, and following samples and contracts through",
      ),
    },
  ],
  links: [
    link(
      "b2b_sales",
      "product_manager",
      "原文第四节：产品经理的组织挑战是“需求对齐”；客户的定制规格和样品要求要及时传给产品。",
      "The source (§四) gives the product manager the challenge of aligning requirements: customers' custom specifications and sample requests must reach product promptly.",
    ),
    link(
      "b2b_sales",
      "supply_chain",
      "原文第四节“常见组织挑战”：“供应链管理与市场需求脱节”；报价的交期要与生产和物流一致。",
      "The source (§四) names supply-chain management cut off from market demand: the lead times quoted must match production and shipping.",
    ),
  ],
  sizing: [
    row(
      "b2b_sales",
      "b2bAccounts",
      5,
      20,
      t("每名业务员维护 5–20 个活跃客户", "one account manager per 5–20 active accounts"),
      [
        ref(
          "B2",
          "C",
          "全球大客户经理 1–4 个、指名客户经理 5–20 个、区域销售最多 100 个",
          "global account manager 1–4, named account manager 5–20, territory rep up to 100",
        ),
        ref("B1", "B", "从 1 个到数百个，取决于采购周期", "from one to several hundred, by buying cycle"),
      ],
      t(
        "取 B2 的指名客户经理区间：外贸客户需要逐单跟进。",
        "B2's named-account range: an exporter's accounts need each order followed through.",
      ),
    ),
  ],
};

const advertising: ExtensionRoleEntry = {
  why: t(
    "广告花费占到销售额的一成以上时，站内 PPC 和社媒广告需要专人按投入产出比精细调整。",
    "Once ad spend passes a tenth of sales, marketplace PPC and paid social need someone tuning them against their return.",
  ),
  role: {
    id: "advertising",
    label: t("广告投放专员", "Advertising specialist"),
    tier: "growth",
    appliesTo: ["platform", "independent_site"],
    coreResponsibilities: [
      t("站内广告（PPC）投放与优化", "Marketplace ads (PPC): set up and improve"),
      t("社媒付费广告投放", "Paid social advertising"),
    ],
    responsibilitiesByModel: {
      platform: [
        t(
          "搭建亚马逊 SP、SB、SD 广告结构，管理关键词与竞价",
          "Build Amazon Sponsored Products, Brands and Display campaigns, and manage keywords and bids",
        ),
        t("按 ACoS、TACoS 控制广告投入产出", "Keep ad spend in line with ACoS and TACoS targets"),
        t("规划 Prime Day、黑五等大促的广告预算", "Plan ad budgets for Prime Day, Black Friday and other peak sales"),
      ],
      independent_site: [
        t("投放 Meta、Google、TikTok 广告并测试素材", "Run Meta, Google and TikTok ads and test creatives"),
        t("按 ROAS 和获客成本分配预算", "Allocate budget by ROAS and customer acquisition cost"),
        t("配置像素、UTM 等归因追踪", "Set up attribution tracking such as pixels and UTM tags"),
      ],
    },
    skills: [
      { skillId: "ad_buying", levels: lv(2, 3, 4) },
      { skillId: "data_analytics", levels: lv(2, 3, 3) },
      { skillId: "platform_rules", levels: lv(1, 2, 3) },
      { skillId: "content_creation", levels: lv(1, 1, 2) },
    ],
    headcount: hc([1, 1], [1, 2], [2, 4]),
    headcountByModel: {},
    optionalCover: t("运营经理兼管广告，或交给广告代理商", "The operations manager, or an advertising agency"),
    optionalCoverByModel: {},
    orgChallenge: t("广告投入产出与流量转化", "Return on ad spend and traffic conversion"),
    reportsTo: "operations_manager",
  },
  skills: [],
  links: [
    link(
      "advertising",
      "marketing",
      "原文第四节：市场营销的组织挑战是“流量转化”；广告素材和落地页要与品牌内容一致。",
      "The source (§四) gives marketing the challenge of traffic conversion: ad creatives and landing pages must match the brand's content.",
    ),
    link(
      "advertising",
      "data_analysis",
      "原文第四节“常见组织挑战”：“数据孤岛，无法实现全流程优化”；广告数据要与订单和利润数据打通。",
      "The source (§四) names data silos that block end-to-end optimisation: ad data must be joined with order and profit data.",
    ),
  ],
  sizing: [
    row(
      "advertising",
      "stores",
      4,
      7,
      t("每名广告专员负责 4–7 个店铺或广告账户", "one specialist per 4–7 stores or ad accounts"),
      [
        ref(
          "P1",
          "C",
          "每名 PPC 经理 4–7 个账户；中型账户（月花费约 5 万美元）最多 3 个",
          "4–7 accounts per PPC manager; at most 3 mid-size ones (about $50k a month)",
        ),
      ],
      t("取 P1 的区间；花费大的账户需要更多人手。", "P1's range; accounts with a large spend need more people."),
    ),
  ],
};

/** The library, in EXTENSION_ROLE_IDS order. */
export const EXTENSION_LIBRARY: Record<ExtensionRoleId, ExtensionRoleEntry> = {
  customer_service: customerService,
  finance_tax: financeTax,
  b2b_sales: b2bSales,
  advertising,
};

const CORE_SET: ReadonlySet<string> = new Set(CORE_ROLE_IDS);

export function isExtensionRoleId(x: unknown): x is ExtensionRoleId {
  return typeof x === "string" && (EXTENSION_ROLE_IDS as readonly string[]).includes(x);
}

export function isCoreRoleId(x: unknown): boolean {
  return typeof x === "string" && CORE_SET.has(x);
}

/**
 * The roles of a playbook in the order every page and answer lists them:
 * the seven first (CORE_ROLE_IDS order), then the extension roles it holds,
 * in library order, then the organisation's own roles, in the order they
 * were added.
 */
export function playbookRoleIds(p: Pick<Playbook, "roles">): RoleId[] {
  const held = new Set<string>(p.roles.map((r) => r.id));
  return [...CORE_ROLE_IDS, ...EXTENSION_ROLE_IDS, ...p.roles.map((r) => r.id).filter(isCustomRoleId)].filter((id) =>
    held.has(id),
  );
}

/** The extension roles a playbook holds, in library order. */
export function enabledExtensionRoles(p: Pick<Playbook, "roles">): ExtensionRoleId[] {
  const held = new Set<string>(p.roles.map((r) => r.id));
  return EXTENSION_ROLE_IDS.filter((id) => held.has(id));
}

/**
 * The playbook with an extension role turned on: the library's role, its
 * skills (added to the catalogue, or brought back if the organisation had
 * retired them), its links to roles the playbook holds and its sizing rows.
 * A requirement on a skill the organisation retired is left off. Turning on
 * a role the playbook already holds changes nothing.
 */
export function withExtensionRoleEnabled(p: Playbook, id: ExtensionRoleId): Playbook {
  if (p.roles.some((r) => r.id === id)) return p;
  const entry = EXTENSION_LIBRARY[id];
  const ownSkills = new Set(entry.skills.map((s) => s.id));
  const catalogue = p.skills.map((s) =>
    ownSkills.has(s.id) && s.retired ? { id: s.id, label: s.label, description: s.description } : s,
  );
  const known = new Set(catalogue.map((s) => s.id));
  const skills = [...catalogue, ...entry.skills.filter((s) => !known.has(s.id))];
  const retired = new Set(skills.filter((s) => s.retired === true).map((s) => s.id));
  const role: RoleDefinition = {
    ...entry.role,
    skills: entry.role.skills.filter((req) => !retired.has(req.skillId)),
  };
  const held = new Set<string>([...p.roles.map((r) => r.id), id]);
  const pairs = new Set(p.collaborationLinks.map((l) => [l.from, l.to].sort().join("|")));
  const links = entry.links.filter(
    (l) => held.has(l.from) && held.has(l.to) && !pairs.has([l.from, l.to].sort().join("|")),
  );
  return {
    ...p,
    roles: [...p.roles, role],
    skills,
    collaborationLinks: [...p.collaborationLinks, ...links],
    sizing: [
      ...p.sizing,
      ...entry.sizing.filter((r) => !p.sizing.some((s) => s.roleId === id && s.driver === r.driver)),
    ],
  };
}

/**
 * The playbook with an extension role turned off: the role, its links and
 * its sizing rows go; its skills stay in the catalogue (assessments name
 * them). A role whose reporting line names it keeps that line, which the
 * validation then refuses with the field: nothing is re-pointed silently.
 */
export function withExtensionRoleDisabled(p: Playbook, id: ExtensionRoleId): Playbook {
  return {
    ...p,
    roles: p.roles.filter((r) => r.id !== id),
    collaborationLinks: p.collaborationLinks.filter((l) => l.from !== id && l.to !== id),
    sizing: p.sizing.filter((r) => r.roleId !== id),
  };
}

/** The shipped playbook with the same extension roles on: what the "edited" marks compare against. */
export function baselineFor(shipped: Playbook, p: Pick<Playbook, "roles">): Playbook {
  return enabledExtensionRoles(p).reduce((acc, id) => withExtensionRoleEnabled(acc, id), shipped);
}
