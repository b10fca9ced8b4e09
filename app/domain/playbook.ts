/**
 * The shipped playbook: the data behind the recommendation rule, in Chinese
 * and English. Facts come from the source article
 * (/work/shared/source/cross-border-ecommerce-operating-models.zh.md):
 * models, core flows and ratings from sections 一 and 二; stages, roles,
 * applicability, capabilities and organisational challenges from section 四.
 * Headcounts, skill levels, per-model wording and reporting lines are project
 * defaults (the source gives none); see docs/decisions/0002-playbook-defaults.md.
 *
 * Pure data, no I/O. An admin edits copies of it; validatePlaybook guards the
 * rule's invariants.
 */
import type { DriverId, Localized, ModelId, Playbook, RoleId, SizingReference, SizingRule, TrustGrade } from "./types";
import { shippedDefaultRaci } from "./process-steps";
import { t, hc, lv } from "./playbook-text";

const ALL_MODELS: ModelId[] = ["platform", "independent_site", "distribution", "b2b", "managed_service"];

/* ------------------------------------------------------------------ */
/* Sizing: headcount per workload driver                                */
/* ------------------------------------------------------------------ */

const ref = (id: string, trust: TrustGrade, zh: string, en: string): SizingReference => ({
  id,
  trust,
  note: t(zh, en),
});

const rule = (
  roleId: RoleId,
  driver: DriverId,
  low: number,
  high: number,
  ratio: Localized,
  productDefault: boolean,
  references: SizingReference[],
  basis: Localized,
): SizingRule => ({ roleId, driver, perPerson: { low, high }, ratio, productDefault, references, basis });

/**
 * The one sizing table (PRODUCT.md, "Business profile and sizing"). The
 * source article gives no ratios; the published figures and their trust
 * grades are in /work/shared/docs/SIZING-REFERENCES.md (ids such as "G3").
 * A row without a figure behind it is a product default and says so. Why
 * each number: docs/decisions/0012-sizing-by-workload-drivers.md.
 */
export const SIZING_TABLE: SizingRule[] = [
  rule(
    "product_manager",
    "skus",
    400,
    800,
    t("每名产品经理负责 400–800 个在售 SKU", "one product manager per 400–800 active SKUs"),
    true,
    [
      ref(
        "X2",
        "C",
        "精品型单个商品上架投入高、选品周期 3–6 个月，铺货型用模板批量上架；没有比例",
        "boutique listings cost weeks each, bulk listings use templates; no ratio given",
      ),
    ],
    t(
      "没有可引用的比例：取精品与铺货之间的中间值，按在售 SKU 的维护（详情页、迭代、下架）计算。",
      "No citable ratio: a middle value between boutique and bulk sellers, for keeping active SKUs up to date (listings, updates, delisting).",
    ),
  ),
  rule(
    "product_manager",
    "b2bAccounts",
    10,
    20,
    t("每人维护 10–20 个活跃 B2B 客户", "one person per 10–20 active B2B accounts"),
    false,
    [
      ref(
        "B2",
        "C",
        "全球大客户经理 1–4 个、指名客户经理 5–20 个、区域销售最多 100 个",
        "global account manager 1–4, named account manager 5–20, territory rep up to 100",
      ),
      ref(
        "B1",
        "B",
        "每名销售 1 个到数百个客户，取决于采购周期",
        "1 to several hundred accounts per rep, by buying cycle",
      ),
    ],
    t(
      "B2B 模式下报价、样品和谈判由产品人员承担（决策 0002）；取指名客户经理 5–20 个的上半段。",
      "In B2B the product people carry quotes, samples and negotiation (decision 0002); the upper half of a named account manager's 5–20.",
    ),
  ),
  rule(
    "operations_manager",
    "stores",
    2,
    3,
    t("每名运营负责 2–3 个店铺", "one operator per 2–3 stores"),
    true,
    [
      ref(
        "A1",
        "A",
        "亚马逊：每个区域一个卖家账户，除非有正当业务需要",
        "Amazon: one Seller Central account per region unless there is a legitimate business need",
      ),
    ],
    t(
      "没有可引用的比例（见到的数字都是 D 级且互相矛盾）；产品默认值。亚马逊的一区一账户规则限制了同一平台的多店铺。",
      "No citable ratio (every figure found is D-grade and contradictory): a product default. Amazon's one-account-per-region rule limits multi-store plans on one marketplace.",
    ),
  ),
  rule(
    "operations_manager",
    "ordersPerDay",
    260,
    390,
    t("每名客服处理每天 260–390 单的售后", "one customer-service person per 260–390 orders a day"),
    false,
    [
      ref("G2", "B", "每 100 单 6.7 个工单", "6.7 tickets per 100 orders"),
      ref("G1", "B", "2–10 % 的订单产生工单", "2–10 % of orders become tickets"),
      ref(
        "G3",
        "B",
        "每名客服每月 821 个工单（约每工作日 37 个）",
        "821 tickets per agent a month (about 37 a workday)",
      ),
      ref("G6", "C", "排班损耗 20–35 %", "shrinkage 20–35 %"),
    ],
    t(
      "七个岗位中售后和客服归运营。工单 = 订单 × 6.7–10 %（G2、G1）；每人每工作日 37 个（G3），扣除 30 % 损耗（G6）：37 × 0.7 ÷ 0.067 ≈ 390 单，÷ 0.10 ≈ 260 单。",
      "Among the seven roles, after-sales and customer service sit with operations. Tickets = orders × 6.7–10 % (G2, G1); 37 a workday per agent (G3) at 70 % availability (G6): 37 × 0.7 ÷ 0.067 ≈ 390 orders, ÷ 0.10 ≈ 260.",
    ),
  ),
  rule(
    "operations_manager",
    "languages",
    2,
    3,
    t("每人覆盖 2–3 种客户语言", "one person per 2–3 customer languages"),
    true,
    [
      ref("G8", "A", "亚马逊：24 小时内用该站点的语言回复", "Amazon: reply within 24 h in the marketplace's language"),
      ref(
        "G9",
        "C",
        "在线客服每种语言至少 3–4 人（仅实时渠道）",
        "a live queue needs 3–4 agents per language (live channels only)",
      ),
    ],
    t(
      "产品默认值：邮件等异步渠道借助翻译工具，一人可覆盖 2–3 种语言；若提供实时在线客服，每种语言需 3–4 人（G9），请相应调高。",
      "A product default: on email and other asynchronous channels, with translation tools, one person covers 2–3 languages; live chat needs 3–4 agents per language (G9), so raise it if you offer live chat.",
    ),
  ),
  rule(
    "tech_dev",
    "stores",
    3,
    5,
    t("每名开发负责 3–5 个站点或店铺的系统", "one developer per 3–5 sites or stores"),
    true,
    [ref("T1", "A", "每 18–27 名员工 1 名 IT（2003 年，通用）", "one IT person per 18–27 employees (2003, generic)")],
    t(
      "没有针对跨境站点的数字，只有陈旧的通用 IT 比例（T1）；产品默认值，按站点和接口的维护量估算。",
      "No figure for cross-border sites, only an old generic IT ratio (T1): a product default, from the upkeep of sites and integrations.",
    ),
  ),
  rule(
    "supply_chain",
    "skus",
    1000,
    2000,
    t("每名计划员负责 1,000–2,000 个在售 SKU", "one planner per 1,000–2,000 active SKUs"),
    true,
    [
      ref(
        "W5",
        "C",
        "一名计划员可管数百到数万个品项，取决于自动化",
        "a planner handles several hundred to tens of thousands of items, by automation",
      ),
    ],
    t(
      "在 W5 给出的“数百到数万”之间取偏低的产品默认值：中小卖家的补货多靠表格和 ERP 提醒。",
      'A product default at the low end of W5\'s "several hundred to tens of thousands": small sellers replenish with spreadsheets and ERP alerts.',
    ),
  ),
  rule(
    "supply_chain",
    "ordersPerDay",
    300,
    600,
    t("每名物流专员协调每天 300–600 单的发货", "one shipping coordinator per 300–600 orders a day"),
    true,
    [
      ref(
        "W1",
        "A−",
        "自营仓每人每小时拣货发货 10 单（中位数）",
        "10 orders picked and shipped per person-hour in own warehouses (median)",
      ),
    ],
    t(
      "产品默认值：假定仓内作业由 FBA、第三方仓或海外仓完成，这里只算发货协调、物流商和异常处理。自建仓拣货打包按 W1 每人每小时 10 单另计。",
      "A product default that assumes FBA, a 3PL or an overseas warehouse does the warehouse work, so it counts shipment coordination, carriers and exceptions only. In-house pick and pack (W1: 10 orders per person-hour) comes on top.",
    ),
  ),
  rule(
    "marketing",
    "markets",
    2,
    3,
    t("每名营销人员负责 2–3 个目标市场", "one marketer per 2–3 target markets"),
    true,
    [
      ref(
        "M1",
        "A",
        "社媒营销人员身兼约 8 项任务，但没有按平台或市场的比例",
        "social marketers carry about 8 tasks each, but no ratio per platform or market",
      ),
    ],
    t(
      "没有可引用的比例；产品默认值：每个市场需要本地化内容、节日营销和本地 KOL 合作（原文“本地化推广”）。",
      "No citable ratio: a product default, since each market needs localised content, holiday campaigns and local KOLs (the source's localised promotion).",
    ),
  ),
  rule(
    "data_analysis",
    "stores",
    4,
    8,
    t("每名分析师支持 4–8 个店铺或站点", "one analyst per 4–8 stores or sites"),
    true,
    [
      ref(
        "D1",
        "B",
        "数据团队占员工 1–5 %，中位数 3 %（科技公司）",
        "data teams are 1–5 % of staff, median 3 % (tech companies)",
      ),
    ],
    t(
      "D1 按员工总数计、且来自科技公司，不适合直接套用；产品默认值按需要看板和报表的店铺数计算。",
      "D1 counts total staff and comes from tech companies, so it does not carry over: a product default per store or site that needs dashboards and reports.",
    ),
  ),
  rule(
    "compliance_risk",
    "markets",
    3,
    5,
    t("每人负责 3–5 个目标市场的合规", "one person per 3–5 target markets"),
    true,
    [
      ref(
        "C1",
        "A",
        "最常见的合规团队为 2–5 人，与营收无关",
        "the commonest compliance team is 2–5 people at any revenue",
      ),
    ],
    t(
      "没有按市场的比例（VAT、EPR、GPSR 等注册按国家计）；产品默认值。",
      "No ratio per market exists (VAT, EPR, GPSR registrations are per country): a product default.",
    ),
  ),
];

export const shippedPlaybook: Playbook = {
  version: "1.0.0",

  /* ---------------------------------------------------------------- */
  /* Operating models (source §一 table, core flows; §二 ratings)      */
  /* ---------------------------------------------------------------- */
  models: [
    {
      id: "platform",
      label: t("平台型自营", "Marketplace seller"),
      example: t("亚马逊、eBay", "Amazon, eBay"),
      structure: t("依托第三方平台开店经营", "Sells through third-party marketplaces"),
      suitedFor: t("中小卖家、品牌商", "Small and mid-sized sellers, brand owners"),
      profitModel: t("佣金/差价", "Commissions and price margins"),
      mainRisk: t(
        "平台规则变化：政策收紧、账号被封或流量分发调整会让业务瞬间受影响",
        "Marketplace rule changes: tighter policies, account suspensions or new traffic allocation can hit the business overnight",
      ),
      coreFlow: [
        { id: "product_selection", label: t("选品", "Product selection") },
        { id: "listing", label: t("上架", "Listing") },
        { id: "operations", label: t("运营", "Operations") },
        { id: "shipping", label: t("发货", "Shipping") },
        { id: "after_sales", label: t("售后", "After-sales") },
      ],
      ratings: {
        startupCost: 1,
        returnRate: 2,
        managementDifficulty: 2,
        customerRetention: 1,
        riskLevel: 2,
        launchSpeed: "fast",
        trafficAcquisition: "easy",
        brandBuilding: "hard",
        profitRoom: "medium",
        dependency: "high",
      },
    },
    {
      id: "independent_site",
      label: t("独立站", "Independent DTC site"),
      example: t("SHEIN、Anker、Shopify 独立店铺", "SHEIN, Anker, Shopify stores"),
      structure: t("自建官网直接面向消费者销售", "Sells direct to consumers through its own website"),
      suitedFor: t("品牌商、工厂", "Brand owners and factories"),
      profitModel: t("自主定价，利润最大化", "Own pricing for the largest margin"),
      mainRisk: t(
        "流量获取：获客成本高，广告成本高企时转化难以提升",
        "Traffic acquisition: customers are expensive to win and conversion is hard to lift when ad costs climb",
      ),
      coreFlow: [
        { id: "site_building", label: t("建站", "Site building") },
        { id: "traffic_acquisition", label: t("引流", "Traffic acquisition") },
        { id: "conversion", label: t("转化", "Conversion") },
        { id: "shipping", label: t("发货", "Shipping") },
        { id: "repurchase", label: t("复购", "Repurchase") },
      ],
      ratings: {
        startupCost: 3,
        returnRate: 3,
        managementDifficulty: 3,
        customerRetention: 3,
        riskLevel: 3,
        launchSpeed: "slow",
        trafficAcquisition: "hard",
        brandBuilding: "easy",
        profitRoom: "high",
        dependency: "low",
      },
    },
    {
      id: "distribution",
      label: t("分销代理", "Distribution / agency"),
      example: t("速卖通（AliExpress）分销代理", "AliExpress dropship agents"),
      structure: t("联合平台与代理商分销", "Sells through partner platforms and agents"),
      suitedFor: t("初创团队、个人", "Start-up teams and individuals"),
      profitModel: t("分润/代理费", "Profit share and agency fees"),
      mainRisk: t(
        "管理难度大：利润薄、客户粘性弱，且容易过度依赖上游货源",
        "Hard to manage: thin margins, weak customer loyalty and a pull towards depending on upstream suppliers",
      ),
      coreFlow: [
        { id: "sourcing", label: t("对接货源", "Sourcing") },
        { id: "distribution_promotion", label: t("分销推广", "Distribution promotion") },
        { id: "customer_management", label: t("客户管理", "Customer management") },
        { id: "settlement", label: t("结算", "Settlement") },
      ],
      ratings: {
        startupCost: 1,
        returnRate: 1,
        managementDifficulty: 2,
        customerRetention: 1,
        riskLevel: 1,
        launchSpeed: "fast",
        trafficAcquisition: "easy",
        brandBuilding: "hard",
        profitRoom: "low",
        dependency: "high",
      },
    },
    {
      id: "b2b",
      label: t("跨境B2B", "Cross-border B2B"),
      example: t("阿里巴巴国际站出口商", "Alibaba.com exporters"),
      structure: t("企业对企业的批发出口", "Business-to-business export"),
      suitedFor: t("制造商、批发商", "Manufacturers and wholesalers"),
      profitModel: t("批发利润", "Wholesale margin"),
      mainRisk: t(
        "回款风险：回款周期长，风控不完善时客户拖欠货款会造成现金流紧张",
        "Payment collection: long payment cycles, and without proper risk control a defaulting customer can squeeze cash flow",
      ),
      coreFlow: [
        { id: "negotiation", label: t("谈判", "Negotiation") },
        { id: "contract", label: t("合同", "Contract") },
        { id: "shipping", label: t("发货", "Shipping") },
        { id: "payment_collection", label: t("回款", "Payment collection") },
        { id: "customer_maintenance", label: t("客户维护", "Customer maintenance") },
      ],
      ratings: {
        startupCost: 2,
        returnRate: 2,
        managementDifficulty: 2,
        customerRetention: 2,
        riskLevel: 2,
        launchSpeed: "medium",
        trafficAcquisition: "hard",
        brandBuilding: "easy",
        profitRoom: "high",
        dependency: "low",
      },
    },
    {
      id: "managed_service",
      label: t("综合服务商型", "Managed by a service provider"),
      example: t("跨境宝等一站式托管服务商", "One-stop outsourcing providers such as Kuajingbao"),
      structure: t("委托第三方服务商一站式托管运营", "A third-party provider runs operations end to end"),
      suitedFor: t("成长型企业、资源有限的企业", "Growing companies and companies with limited resources"),
      profitModel: t("服务费（服务商按服务收费）", "Service fees charged by the provider"),
      mainRisk: t(
        "资源依赖：依赖服务商，服务水平参差、数据透明度低，企业容易失去主动权",
        "Dependence on the provider: uneven service quality and opaque data can cost the company control",
      ),
      coreFlow: [
        { id: "signing", label: t("签约", "Signing") },
        { id: "managed_operations", label: t("托管运营", "Managed operations") },
        { id: "data_feedback", label: t("数据反馈", "Data feedback") },
        { id: "optimisation", label: t("优化", "Optimisation") },
      ],
      ratings: {
        startupCost: 1,
        returnRate: 1,
        managementDifficulty: 1,
        customerRetention: 1,
        riskLevel: 2,
        launchSpeed: "fast",
        trafficAcquisition: "easy",
        brandBuilding: "hard",
        profitRoom: "low",
        dependency: "high",
      },
    },
  ],

  /* ---------------------------------------------------------------- */
  /* Stages (source §四, 企业发展阶段与团队扩展建议)                     */
  /* ---------------------------------------------------------------- */
  stages: [
    {
      id: "startup",
      label: t("创业初期", "Startup"),
      guidance: t(
        "精简团队，核心岗位优先（运营+产品+供应链）",
        "Keep the team lean and fill the core roles first: operations, product and supply chain",
      ),
    },
    {
      id: "growth",
      label: t("成长期", "Growth"),
      guidance: t(
        "补充技术、市场、数据分析岗位，推进数字化转型",
        "Add tech, marketing and data-analysis roles and push the digital transformation",
      ),
    },
    {
      id: "mature",
      label: t("成熟期", "Mature"),
      guidance: t(
        "完善合规、风控、全球化能力，打造国际化团队",
        "Round out compliance, risk control and global capabilities, and build an international team",
      ),
    },
  ],

  /* ---------------------------------------------------------------- */
  /* Roles (source §四, 典型团队结构表)                                  */
  /* ---------------------------------------------------------------- */
  roles: [
    {
      id: "product_manager",
      label: t("产品经理", "Product manager"),
      tier: "startup",
      appliesTo: [...ALL_MODELS],
      coreResponsibilities: [t("选品", "Product selection"), t("上架", "Listing")],
      responsibilitiesByModel: {
        platform: [
          t(
            "依据销量与热度数据选品，评估同质化竞争和利润空间",
            "Pick products from sales and search-trend data, weighing look-alike competition and margin",
          ),
          t(
            "按平台规则撰写商品详情页并完成上架",
            "Write listings that follow the marketplace's rules and publish them",
          ),
          t("根据评价和售后反馈迭代产品", "Improve products from reviews and after-sales feedback"),
        ],
        independent_site: [
          t("规划差异化产品线，与品牌定位保持一致", "Plan a differentiated product line that fits the brand"),
          t(
            "在官网上架商品，持续优化详情页以提升转化",
            "Publish products on the site and keep refining product pages for conversion",
          ),
          t("根据复购和用户数据开发新品", "Develop new products from repurchase and customer data"),
        ],
        distribution: [
          t(
            "对接上游货源，筛选值得分销的商品",
            "Work with upstream suppliers and choose the products worth distributing",
          ),
          t(
            "为代理商和分销渠道准备商品资料与价格体系",
            "Prepare product data and price lists for agents and distribution channels",
          ),
          t(
            "减少对单一货源的依赖，逐步建立自有产品力",
            "Reduce dependence on any one supplier and build products of your own",
          ),
        ],
        b2b: [
          t(
            "面向海外采购商规划产品目录、规格与报价",
            "Plan the catalogue, specifications and price quotes for overseas buyers",
          ),
          t("在阿里巴巴国际站等 B2B 平台上架产品", "List products on B2B marketplaces such as Alibaba.com"),
          t(
            "参与询盘谈判，提供样品与定制方案",
            "Take part in enquiry negotiations with samples and custom specifications",
          ),
        ],
        managed_service: [
          t(
            "负责企业自留的选品与产品开发",
            "Own product selection and development, the part the company keeps in-house",
          ),
          t("向服务商提供商品资料，审核其上架内容", "Brief the provider with product data and review its listings"),
          t("根据服务商的数据反馈调整产品", "Adjust products based on the provider's data feedback"),
        ],
      },
      skills: [
        { skillId: "market_insight", levels: lv(3, 3, 4) },
        { skillId: "data_analytics", levels: lv(2, 3, 3) },
        { skillId: "multi_language_culture", levels: lv(1, 2, 3) },
      ],
      headcount: hc([1, 1], [1, 2], [2, 4]),
      headcountByModel: {
        // B2B has no operations manager in the source's table: product people
        // carry the sales-like work (quotes, samples, negotiation).
        b2b: hc([1, 2], [2, 3], [2, 5]),
        // thin margins and upstream products: a small product team suffices
        distribution: hc([1, 1], [1, 2], [1, 3]),
      },
      optionalCover: t("创始人或总经理兼任", "The founder or general manager"),
      optionalCoverByModel: {},
      orgChallenge: t("需求对齐", "Aligning requirements"),
      reportsTo: "general_manager",
    },
    {
      id: "operations_manager",
      label: t("运营经理", "Operations manager"),
      tier: "startup",
      appliesTo: ["platform", "independent_site"],
      coreResponsibilities: [t("日常运营", "Day-to-day operations"), t("推广", "Promotion")],
      responsibilitiesByModel: {
        platform: [
          t(
            "跟踪平台规则变化，维护账号健康，避免违规和封号",
            "Track marketplace rule changes and keep account health good to avoid violations and suspensions",
          ),
          t("管理站内广告与平台促销活动", "Run on-platform ads and join marketplace promotions"),
          t(
            "监控订单、评价和售后，守住店铺指标",
            "Watch orders, reviews and after-sales to keep store metrics healthy",
          ),
        ],
        independent_site: [
          t(
            "优化站内转化路径、本地支付与本地化体验",
            "Improve the on-site conversion path, local payment options and localisation",
          ),
          t(
            "运营会员与复购：邮件、再营销和客服",
            "Run retention and repurchase: email, retargeting and customer service",
          ),
          t("协调引流投放与订单履约", "Coordinate paid traffic with order fulfilment"),
        ],
        distribution: [
          t(
            "招募和管理分销商、代理商，维护渠道价格秩序",
            "Recruit and manage distributors and agents and keep channel pricing in order",
          ),
          t("跟进分销推广效果，做好客户管理", "Follow up distribution promotions and manage customers"),
          t("按周期核对结算", "Reconcile settlements each cycle"),
        ],
        b2b: [
          t(
            "运营阿里巴巴国际站等 B2B 店铺，保持产品排名和询盘响应速度",
            "Run the B2B storefront (e.g. Alibaba.com): product ranking and enquiry response times",
          ),
          t("协助跟进询盘、谈判与客户维护", "Help follow up enquiries, negotiations and customer maintenance"),
        ],
        managed_service: [
          t(
            "监督服务商的托管运营，按合同考核服务质量",
            "Supervise the provider's managed operations and hold it to the contract's service levels",
          ),
          t("审核服务商的数据反馈，要求数据透明", "Review the provider's data feedback and insist on transparent data"),
          t("与服务商共同制定优化方案", "Agree optimisation plans with the provider"),
        ],
      },
      skills: [
        { skillId: "platform_rules", levels: lv(3, 3, 4) },
        { skillId: "ad_buying", levels: lv(2, 3, 4) },
        { skillId: "multi_language_culture", levels: lv(1, 2, 3) },
        { skillId: "erp_crm_tools", levels: lv(1, 2, 3) },
      ],
      headcount: hc([1, 1], [1, 3], [2, 6]),
      headcountByModel: {
        // on a DTC site marketing carries traffic acquisition, so operations stays smaller
        independent_site: hc([1, 1], [1, 2], [2, 4]),
      },
      optionalCover: t("产品经理或创始人兼任日常运营", "The product manager or founder, part-time"),
      optionalCoverByModel: {
        distribution: t(
          "产品经理兼管分销渠道和代理商的日常运营",
          "The product manager, who also runs the distributor channels",
        ),
        b2b: t(
          "产品经理或外贸业务员兼管 B2B 店铺运营",
          "The product manager or an export sales rep, who also runs the B2B storefront",
        ),
        managed_service: t(
          "服务商负责日常运营，企业内部由一人兼职监督",
          "The service provider, which runs day-to-day operations, with one in-house person supervising part-time",
        ),
      },
      orgChallenge: t("流程优化", "Process optimisation"),
      reportsTo: "general_manager",
    },
    {
      id: "tech_dev",
      label: t("技术开发", "Tech & development"),
      tier: "growth",
      appliesTo: ["independent_site", "b2b"],
      coreResponsibilities: [t("建站", "Site building"), t("系统维护", "Systems maintenance")],
      responsibilitiesByModel: {
        platform: [
          t(
            "对接平台接口与 ERP，自动同步订单和库存",
            "Connect marketplace APIs to the ERP so orders and stock sync automatically",
          ),
          t("维护选品、广告和报表等内部工具", "Maintain internal tools for product research, ads and reporting"),
        ],
        independent_site: [
          t(
            "建设并维护多语言独立站，保障速度、安全和稳定",
            "Build and run the multilingual site, keeping it fast, secure and available",
          ),
          t("接入本地支付、物流选项和营销追踪", "Integrate local payments, shipping options and marketing tracking"),
          t("打通网站、ERP、CRM 与 BI 的数据", "Connect data between the site, ERP, CRM and BI"),
        ],
        distribution: [
          t(
            "对接分销平台和代理商系统，同步商品与订单",
            "Connect distribution platforms and agents' systems to sync products and orders",
          ),
          t("维护结算对账工具", "Maintain settlement reconciliation tools"),
        ],
        b2b: [
          t("建设企业官网和在线产品目录", "Build the corporate website and online product catalogue"),
          t(
            "维护 ERP/CRM，管理询盘、合同与回款数据",
            "Maintain the ERP/CRM that tracks enquiries, contracts and payment collection",
          ),
          t("对接 B2B 平台与报关、物流系统", "Integrate B2B marketplaces with customs and logistics systems"),
        ],
        managed_service: [
          t("评估服务商系统的数据接口和数据权限", "Assess the provider's data interfaces and access rights"),
          t("把服务商数据接入企业自有的 BI/ERP", "Bring the provider's data into the company's own BI/ERP"),
        ],
      },
      skills: [
        { skillId: "frontend_dev", levels: lv(2, 3, 3) },
        { skillId: "backend_dev", levels: lv(2, 3, 4) },
        { skillId: "erp_crm_tools", levels: lv(1, 2, 3) },
      ],
      headcount: hc([1, 1], [1, 2], [2, 3]),
      headcountByModel: {
        // the site is the business: build, payments, speed, integrations
        independent_site: hc([1, 1], [2, 3], [3, 6]),
      },
      optionalCover: t("外包开发者或 SaaS 工具", "An outside developer or SaaS tools"),
      optionalCoverByModel: {
        platform: t(
          "平台提供店铺系统；集成工作交给 SaaS 工具或外包开发者",
          "The marketplace's own storefront, plus SaaS tools or a freelance developer for integrations",
        ),
        distribution: t(
          "分销平台自带的工具和 SaaS，必要时请外包开发者",
          "The distribution platforms' own tools and SaaS, with a freelance developer when needed",
        ),
        managed_service: t(
          "服务商的系统，企业只需一人兼管数据对接",
          "The service provider's systems, with one person looking after data access part-time",
        ),
      },
      orgChallenge: t("技术升级", "Technology upgrades"),
      reportsTo: "general_manager",
    },
    {
      id: "supply_chain",
      label: t("供应链/物流", "Supply chain & logistics"),
      tier: "startup",
      appliesTo: [...ALL_MODELS],
      coreResponsibilities: [t("发货", "Shipping"), t("库存管理", "Inventory management")],
      responsibilitiesByModel: {
        platform: [
          t(
            "为平台仓（如 FBA）备货和补货，避免断货与滞销",
            "Stock and replenish marketplace fulfilment (e.g. FBA) without stock-outs or overstock",
          ),
          t("选择物流渠道，完成报关与清关", "Choose shipping channels and handle customs declaration and clearance"),
          t("处理退货和售后物流", "Handle returns and after-sales logistics"),
        ],
        independent_site: [
          t(
            "直发或经海外仓履约，保证配送时效",
            "Fulfil orders directly or from overseas warehouses with reliable delivery times",
          ),
          t("按营销节奏和复购预测备货", "Plan stock around campaigns and repurchase forecasts"),
          t("控制物流和仓储成本", "Keep shipping and warehousing costs under control"),
        ],
        distribution: [
          t("对接货源，确认供货、价格与交期", "Work with suppliers on availability, price and lead times"),
          t("安排代发或向分销商发货", "Arrange drop-shipping or shipments to distributors"),
          t("核对库存与结算数据", "Reconcile stock with settlement figures"),
        ],
        b2b: [
          t(
            "按合同安排生产、验货和整柜或拼箱海运",
            "Schedule production, inspection and full-container or LCL sea freight per contract",
          ),
          t(
            "准备报关资料、申报税费并协调清关代理",
            "Prepare customs documents, declare duties and taxes and coordinate the clearance agent",
          ),
          t("按回款节点交付货运单据", "Release shipping documents in step with payment milestones"),
        ],
        managed_service: [
          t("按服务商的要求备货和交货", "Stock and deliver to the provider's requirements"),
          t("核对服务商报告的库存与物流费用", "Check the stock and logistics costs the provider reports"),
        ],
      },
      skills: [
        { skillId: "supply_chain_management", levels: lv(2, 3, 4) },
        { skillId: "customs_logistics", levels: lv(2, 3, 4) },
        { skillId: "erp_crm_tools", levels: lv(1, 2, 3) },
      ],
      headcount: hc([1, 1], [1, 2], [2, 4]),
      headcountByModel: {
        // big orders, production follow-up, sea freight and customs documents
        b2b: hc([1, 2], [2, 3], [2, 5]),
        // suppliers ship; the team coordinates
        distribution: hc([1, 1], [1, 1], [1, 2]),
        // the provider handles most logistics
        managed_service: hc([1, 1], [1, 1], [1, 2]),
      },
      optionalCover: t("创始人或总经理兼任", "The founder or general manager"),
      optionalCoverByModel: {},
      orgChallenge: t("成本控制", "Cost control"),
      reportsTo: "general_manager",
    },
    {
      id: "marketing",
      label: t("市场营销", "Marketing"),
      tier: "growth",
      appliesTo: ["independent_site", "platform"],
      coreResponsibilities: [t("品牌运营", "Brand building"), t("内容运营", "Content")],
      responsibilitiesByModel: {
        platform: [
          t("经营平台内的品牌形象和图文内容", "Build the brand's presence and rich content on the marketplace"),
          t("用社媒和 KOL 为店铺站外引流", "Drive outside traffic to the store through social media and KOLs"),
          t("策划黑五、圣诞等节日营销", "Plan holiday campaigns such as Black Friday and Christmas"),
        ],
        independent_site: [
          t(
            "负责引流：搜索、社媒、KOL 和广告投放，先小额测试再加预算",
            "Own traffic acquisition: search, social, KOLs and ads, testing small before raising budgets",
          ),
          t("塑造品牌，产出本地化内容", "Build the brand and produce localised content"),
          t("用转化和复购数据评估各渠道回报", "Judge each channel by its conversion and repurchase data"),
        ],
        distribution: [
          t("为分销商提供统一的宣传素材", "Give distributors consistent promotional material"),
          t("策划分销推广活动", "Plan distribution promotions"),
        ],
        b2b: [
          t("制作产品目录、企业介绍和客户案例", "Produce catalogues, company profiles and customer case studies"),
          t("通过展会和行业推广获取询盘", "Win enquiries through trade shows and industry promotion"),
        ],
        managed_service: [
          t("审核服务商的营销方案，保证品牌一致", "Review the provider's marketing plans for brand consistency"),
          t("保留品牌资产和用户数据的所有权", "Keep ownership of brand assets and customer data"),
        ],
      },
      skills: [
        { skillId: "digital_marketing", levels: lv(2, 3, 4) },
        { skillId: "content_creation", levels: lv(2, 3, 3) },
        { skillId: "multi_language_culture", levels: lv(2, 3, 4) },
      ],
      headcount: hc([1, 1], [1, 2], [2, 4]),
      headcountByModel: {
        // traffic acquisition is the DTC model's main risk (source §一)
        independent_site: hc([1, 1], [2, 4], [3, 6]),
      },
      optionalCover: t(
        "兼职人员或外部内容创作者、代理公司",
        "A shared person, freelance content creators or an agency",
      ),
      optionalCoverByModel: {
        distribution: t(
          "上游货源方提供的素材，加上分销商自己的推广",
          "Material from upstream suppliers plus the distributors' own promotion",
        ),
        b2b: t(
          "产品经理和外贸业务员准备目录与展会资料，活动可交给代理公司",
          "The product manager and sales reps for catalogues and trade-show material, with an agency for campaigns",
        ),
        managed_service: t(
          "服务商的营销团队，企业一人兼职审核",
          "The provider's marketing team, reviewed part-time by one in-house person",
        ),
      },
      orgChallenge: t("流量转化", "Traffic conversion"),
      reportsTo: "general_manager",
    },
    {
      id: "data_analysis",
      label: t("数据分析", "Data analysis"),
      tier: "growth",
      appliesTo: [...ALL_MODELS],
      coreResponsibilities: [t("运营数据分析", "Operational data analysis")],
      responsibilitiesByModel: {
        platform: [
          t("分析销量、流量、广告投入产出与库存周转", "Analyse sales, traffic, ad return and inventory turnover"),
          t("用热度数据辅助选品", "Support product selection with search-trend data"),
          t("搭建店铺核心指标看板", "Build dashboards for the store's key metrics"),
        ],
        independent_site: [
          t("分析 PV/UV、转化漏斗和复购率", "Analyse PV/UV, the conversion funnel and repurchase rate"),
          t("建立客户画像和 SKU 销量预测", "Build customer profiles and SKU sales forecasts"),
          t("衡量各渠道广告的投入产出", "Measure ad return by channel"),
        ],
        distribution: [
          t(
            "分析各分销商的业绩、客户留存和结算数据",
            "Analyse each distributor's sales, customer retention and settlements",
          ),
          t("评估各货源和商品的利润贡献", "Work out each supplier's and product's contribution to margin"),
        ],
        b2b: [
          t("分析询盘转化、客户价值和回款周期", "Analyse enquiry conversion, customer value and payment cycles"),
          t("预警逾期回款和高风险客户", "Flag overdue payments and high-risk customers early"),
        ],
        managed_service: [
          t("用独立看板核对服务商的数据反馈", "Check the provider's data feedback against an independent dashboard"),
          t("用数据评估服务效果与费用是否匹配", "Judge whether the provider's results justify its fees"),
        ],
      },
      skills: [
        { skillId: "bi_tools", levels: lv(2, 3, 4) },
        { skillId: "data_modelling", levels: lv(2, 3, 4) },
        { skillId: "erp_crm_tools", levels: lv(1, 2, 3) },
      ],
      headcount: hc([1, 1], [1, 2], [2, 3]),
      headcountByModel: {
        // funnel, cohort and ad-channel analysis is heavier on a DTC site
        independent_site: hc([1, 1], [1, 2], [2, 4]),
        distribution: hc([1, 1], [1, 1], [1, 2]),
        managed_service: hc([1, 1], [1, 1], [1, 2]),
      },
      optionalCover: t("运营或产品人员借助 BI 工具兼任", "An operations or product person using BI tools, part-time"),
      optionalCoverByModel: {},
      orgChallenge: t("精准决策", "Precise, data-driven decisions"),
      reportsTo: "general_manager",
    },
    {
      id: "compliance_risk",
      label: t("合规风控", "Compliance & risk"),
      tier: "mature",
      appliesTo: ["b2b", "platform"],
      coreResponsibilities: [
        t("法务与政策跟踪", "Legal affairs and policy tracking"),
        t("政策管理", "Policy management"),
      ],
      responsibilitiesByModel: {
        platform: [
          t(
            "跟踪平台政策和目标国法规，防范账号与侵权风险",
            "Track marketplace policies and target-market law to prevent account and IP risks",
          ),
          t("管理产品认证与税务（如欧盟 VAT）合规", "Manage product certification and tax compliance (e.g. EU VAT)"),
        ],
        independent_site: [
          t("负责隐私保护、消费者权益与支付合规", "Handle privacy, consumer protection and payment compliance"),
          t("把关进口税费和产品准入要求", "Keep import duties and product admission rules in check"),
        ],
        distribution: [
          t(
            "审查上游货源和代理商资质，防范侵权与违规",
            "Vet suppliers' and agents' credentials against IP and policy breaches",
          ),
          t("管理合同与结算风险", "Manage contract and settlement risk"),
        ],
        b2b: [
          t("审查合同，把关贸易合规", "Review contracts and keep trade compliant"),
          t("评估客户信用，管理回款风险", "Assess customer credit and manage payment collection risk"),
          t("确保报关和产品认证合规", "Keep customs declarations and product certification compliant"),
        ],
        managed_service: [
          t("审核服务商资质和合同条款", "Vet the provider's credentials and contract terms"),
          t("确认数据和账号归企业所有", "Make sure the company owns its data and accounts"),
        ],
      },
      skills: [
        { skillId: "international_regulation", levels: lv(2, 3, 4) },
        { skillId: "risk_control", levels: lv(2, 3, 4) },
        { skillId: "customs_logistics", levels: lv(1, 2, 3) },
      ],
      headcount: hc([1, 1], [1, 1], [1, 2]),
      headcountByModel: {
        // trade compliance plus credit and payment-collection risk
        b2b: hc([1, 1], [1, 2], [2, 3]),
      },
      optionalCover: t(
        "外部律师、报关行或顾问按需支持",
        "Outside counsel, a customs broker or a consultant, as needed",
      ),
      optionalCoverByModel: {
        independent_site: t(
          "外部律师和报关行，运营经理兼管支付与隐私政策",
          "Outside counsel and a customs broker, with the operations manager keeping payment and privacy policies current",
        ),
        distribution: t(
          "遵循上游平台和代理商的合规规则，必要时请外部顾问",
          "The upstream platform's and agents' compliance rules, with an outside adviser when needed",
        ),
        managed_service: t(
          "服务商负责合规，企业须严格审核其资质",
          "The service provider, whose credentials the company must vet carefully",
        ),
      },
      orgChallenge: t("风险防控", "Risk prevention"),
      reportsTo: "general_manager",
    },
  ],

  /* ---------------------------------------------------------------- */
  /* Skills (source §四 能力要求, plus its cross-cutting needs)          */
  /* ---------------------------------------------------------------- */
  skills: [
    {
      id: "market_insight",
      label: t("市场洞察", "Market insight"),
      description: t(
        "研判目标市场的消费习惯、竞争格局和趋势，用于选品与定位",
        "Reading a target market's buying habits, competition and trends to choose and position products",
      ),
    },
    {
      id: "data_analytics",
      label: t("数据分析", "Data analysis"),
      description: t(
        "用销量、热度和转化数据支撑选品与运营决策",
        "Using sales, search-trend and conversion data to back product and operating decisions",
      ),
    },
    {
      id: "platform_rules",
      label: t("平台规则", "Platform rules"),
      description: t(
        "熟悉亚马逊、eBay 等平台的政策、账号健康与流量分发规则，规则变化时及时调整",
        "Knowing marketplace policies, account health and traffic allocation rules (Amazon, eBay and others) and adapting when they change",
      ),
    },
    {
      id: "ad_buying",
      label: t("广告投放", "Ad buying"),
      description: t(
        "站内外广告的预算、出价、测试和投入产出优化",
        "Budgeting, bidding, testing and improving the return of on-platform and off-platform ads",
      ),
    },
    {
      id: "frontend_dev",
      label: t("前端开发", "Front-end development"),
      description: t(
        "开发多语言、适配移动端的站点和页面，接入本地支付方式",
        "Building multilingual, mobile-friendly sites and pages with local payment methods",
      ),
    },
    {
      id: "backend_dev",
      label: t("后端开发", "Back-end development"),
      description: t(
        "开发和维护订单、库存、支付等系统，并集成 ERP、CRM 与 BI",
        "Developing and maintaining order, inventory and payment systems, and integrating ERP, CRM and BI",
      ),
    },
    {
      id: "supply_chain_management",
      label: t("供应链管理", "Supply-chain management"),
      description: t(
        "采购、库存周转、海外仓和物流渠道选择，以及成本控制",
        "Purchasing, inventory turnover, overseas warehouses, choice of shipping channels and cost control",
      ),
    },
    {
      id: "digital_marketing",
      label: t("数字营销", "Digital marketing"),
      description: t(
        "通过搜索、社交媒体、KOL 合作和节日营销获客并提升转化",
        "Winning and converting customers through search, social media, KOL partnerships and holiday campaigns",
      ),
    },
    {
      id: "content_creation",
      label: t("内容创意", "Content creation"),
      description: t(
        "为当地用户创作品牌故事、图文和视频",
        "Creating brand stories, copy, images and video for local audiences",
      ),
    },
    {
      id: "bi_tools",
      label: t("BI 工具", "BI tools"),
      description: t(
        "用 BI 平台搭建销售、库存、流量和广告看板，实时监控核心指标",
        "Building sales, inventory, traffic and ad dashboards on a BI platform and watching key metrics in real time",
      ),
    },
    {
      id: "data_modelling",
      label: t("数据建模", "Data modelling"),
      description: t(
        "打通各系统数据，建立销量预测、客户画像等分析模型",
        "Joining data across systems and building models such as sales forecasts and customer profiles",
      ),
    },
    {
      id: "international_regulation",
      label: t("国际法规", "International regulation"),
      description: t(
        "目标市场的贸易、税务（如欧盟 VAT）、产品准入（如美国 FDA）和知识产权法规",
        "Trade, tax (e.g. EU VAT), product admission (e.g. US FDA) and IP rules of the target markets",
      ),
    },
    {
      id: "risk_control",
      label: t("风险控制", "Risk control"),
      description: t(
        "识别和预警账号、合规、回款与退货等风险，并制定预案",
        "Spotting and monitoring account, compliance, payment-collection and return risks, with a plan for each",
      ),
    },
    {
      id: "multi_language_culture",
      label: t("多语言多文化", "Languages and cultures"),
      description: t(
        "用当地语言沟通，理解当地文化、节日和消费习惯",
        "Communicating in local languages and understanding local culture, holidays and buying habits",
      ),
    },
    {
      id: "customs_logistics",
      label: t("清关与物流知识", "Customs and logistics"),
      description: t(
        "报关资料、关税与增值税申报、清关代理、查验放行，以及国际快递、专线和海外仓等物流方式",
        "Customs documents, duty and VAT declarations, clearance agents, inspection and release, and shipping options such as express couriers, dedicated lines and overseas warehouses",
      ),
    },
    {
      id: "erp_crm_tools",
      label: t("ERP/CRM 等系统工具", "ERP, CRM and other business systems"),
      description: t(
        "使用 ERP、CRM、SCM 和客服系统处理订单、库存、客户与服务",
        "Using ERP, CRM, SCM and customer-service systems for orders, inventory, customers and service",
      ),
    },
  ],

  /* ---------------------------------------------------------------- */
  /* Collaboration links (source §四, 常见组织挑战)                      */
  /* ---------------------------------------------------------------- */
  collaborationLinks: [
    {
      from: "product_manager",
      to: "operations_manager",
      reason: t(
        "原文第四节“常见组织挑战”：“沟通不畅，导致跨部门协同效率低”；产品经理的组织挑战是“需求对齐”，选品、上架须与日常运营对齐需求。",
        "The source (§四, common organisational challenges) names poor communication that makes cross-department work inefficient, and gives the product manager the challenge of aligning requirements: selection and listing must stay in step with day-to-day operations.",
      ),
    },
    {
      from: "tech_dev",
      to: "operations_manager",
      reason: t(
        "原文第四节“常见组织挑战”：“技术团队与业务团队目标不一致”；建站与系统改造要服务于运营目标。",
        "The source (§四) names tech and business teams whose goals diverge: site and system work has to serve the operations goals.",
      ),
    },
    {
      from: "tech_dev",
      to: "product_manager",
      reason: t(
        "原文第四节“常见组织挑战”：“技术团队与业务团队目标不一致”；技术排期要与产品规划一致。",
        "The source (§四) names tech and business teams whose goals diverge: the tech roadmap has to match the product plan.",
      ),
    },
    {
      from: "supply_chain",
      to: "marketing",
      reason: t(
        "原文第四节“常见组织挑战”：“供应链管理与市场需求脱节”；备货要跟上营销节奏和需求预测。",
        "The source (§四) names supply-chain management cut off from market demand: stock has to follow campaigns and demand forecasts.",
      ),
    },
    {
      from: "data_analysis",
      to: "product_manager",
      reason: t(
        "原文第四节“常见组织挑战”：“数据孤岛，无法实现全流程优化”；选品需要销量与热度数据。",
        "The source (§四) names data silos that block end-to-end optimisation: product selection needs sales and search-trend data.",
      ),
    },
    {
      from: "data_analysis",
      to: "operations_manager",
      reason: t(
        "原文第四节“常见组织挑战”：“数据孤岛，无法实现全流程优化”；流量、广告和订单数据要与其他环节打通。",
        "The source (§四) names data silos that block end-to-end optimisation: traffic, ad and order data must be joined with the other steps.",
      ),
    },
    {
      from: "data_analysis",
      to: "tech_dev",
      reason: t(
        "原文第四节“常见组织挑战”：“数据孤岛，无法实现全流程优化”；原文建议“建立数据中台，打通各环节数据”，这需要技术开发打通 ERP、CRM 与 BI。",
        "The source (§四) names data silos that block end-to-end optimisation; its advice to build a data platform joining every step needs tech to integrate ERP, CRM and BI.",
      ),
    },
    {
      from: "data_analysis",
      to: "supply_chain",
      reason: t(
        "原文第四节“常见组织挑战”：“数据孤岛，无法实现全流程优化”；库存周转和物流数据要进入统一分析。",
        "The source (§四) names data silos that block end-to-end optimisation: inventory turnover and logistics data must feed the shared analysis.",
      ),
    },
    {
      from: "data_analysis",
      to: "marketing",
      reason: t(
        "原文第四节“常见组织挑战”：“数据孤岛，无法实现全流程优化”；营销渠道的转化与复购数据要可追踪、可比较。",
        "The source (§四) names data silos that block end-to-end optimisation: each marketing channel's conversion and repurchase data must be traceable and comparable.",
      ),
    },
    {
      from: "data_analysis",
      to: "compliance_risk",
      reason: t(
        "原文第四节“常见组织挑战”：“数据孤岛，无法实现全流程优化”；风控预警依赖退货率、回款等数据。",
        "The source (§四) names data silos that block end-to-end optimisation: risk warnings depend on data such as return rates and payment collection.",
      ),
    },
  ],

  sizing: SIZING_TABLE,
  defaultRaci: shippedDefaultRaci(),
};
