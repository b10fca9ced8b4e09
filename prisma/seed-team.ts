/**
 * The demo organisation's team: a marketplace seller (platform) at the growth
 * stage, about forty people across the seven roles under a founder who is
 * both product and operations manager, several people holding two roles, and
 * a year of skill assessments with a spread of gaps. Five demo accounts get
 * their member record (the founder, HR, the two leads, an operations
 * specialist; the admin runs the business systems).
 *
 * Deterministic: picks come from a seeded generator, dates count back from
 * the day of seeding (so "the past year" stays true). Runs only when the
 * organisation has no members yet, so it never touches a team someone edited.
 */
import { shippedPlaybook } from "../app/domain/playbook";
import type { RoleId, SkillLevel } from "../app/domain/types";
import { db } from "../app/utils/db.server";

type RoleShares = [RoleId, number][];

interface DemoMember {
  key: string;
  name: string;
  /** the local part of the email at demo.example; a demo account's own address for linked members */
  email: string;
  title: string;
  department: RoleId | null;
  roles: RoleShares;
  manager: string | null;
  markets: string[];
  languages: string[];
  startDate: string;
  /** the demo account of this person */
  account?: string;
}

const DOMAIN = "demo.example";

/** Managers come before the people who report to them. */
const TEAM: DemoMember[] = [
  {
    key: "gm",
    name: "王芳 Wang Fang",
    email: "manager",
    account: "manager@demo.example",
    title: "创始人兼总经理 Founder & General Manager",
    department: null,
    roles: [
      ["product_manager", 50],
      ["operations_manager", 50],
    ],
    manager: null,
    markets: ["US", "DE", "UK", "JP"],
    languages: ["zh", "en"],
    startDate: "2018-04-02",
  },

  {
    key: "ops",
    name: "张伟 Zhang Wei",
    email: "lead.ops",
    account: "lead.ops@demo.example",
    title: "运营总监 Head of Operations",
    department: "operations_manager",
    roles: [["operations_manager", 100]],
    manager: "gm",
    markets: ["US", "UK"],
    languages: ["zh", "en"],
    startDate: "2018-09-03",
  },
  {
    key: "supply",
    name: "陈杰 Chen Jie",
    email: "lead.supply",
    account: "lead.supply@demo.example",
    title: "供应链总监 Head of Supply Chain",
    department: "supply_chain",
    roles: [["supply_chain", 100]],
    manager: "gm",
    markets: ["US", "DE"],
    languages: ["zh", "en"],
    startDate: "2019-02-18",
  },
  {
    key: "hr",
    name: "李娜 Li Na",
    email: "hr",
    account: "hr@demo.example",
    title: "人事与合规经理 HR & Compliance Manager",
    department: null,
    roles: [["compliance_risk", 20]],
    manager: "gm",
    markets: [],
    languages: ["zh", "en"],
    startDate: "2019-06-10",
  },
  {
    key: "product",
    name: "赵敏 Zhao Min",
    email: "zhao.min",
    title: "产品总监 Head of Product",
    department: "product_manager",
    roles: [["product_manager", 100]],
    manager: "gm",
    markets: ["US", "DE", "JP"],
    languages: ["zh", "en"],
    startDate: "2019-03-11",
  },
  {
    key: "tech",
    name: "孙磊 Sun Lei",
    email: "sun.lei",
    title: "技术负责人 Tech Lead",
    department: "tech_dev",
    roles: [["tech_dev", 100]],
    manager: "gm",
    markets: [],
    languages: ["zh", "en"],
    startDate: "2021-07-05",
  },
  {
    key: "marketing",
    name: "周婷 Zhou Ting",
    email: "zhou.ting",
    title: "市场经理 Marketing Manager",
    department: "marketing",
    roles: [["marketing", 100]],
    manager: "gm",
    markets: ["US", "UK", "DE"],
    languages: ["zh", "en"],
    startDate: "2021-03-15",
  },
  {
    key: "data",
    name: "吴昊 Wu Hao",
    email: "wu.hao",
    title: "数据分析主管 Data Analysis Lead",
    department: "data_analysis",
    roles: [["data_analysis", 100]],
    manager: "gm",
    markets: [],
    languages: ["zh", "en"],
    startDate: "2022-04-06",
  },
  {
    key: "compliance",
    name: "郑爽 Zheng Shuang",
    email: "zheng.shuang",
    title: "合规风控经理 Compliance & Risk Manager",
    department: "compliance_risk",
    roles: [
      ["compliance_risk", 60],
      ["supply_chain", 40],
    ],
    manager: "gm",
    markets: ["DE", "UK", "FR"],
    languages: ["zh", "en", "de"],
    startDate: "2022-09-13",
  },

  // operations: one or two people per marketplace, ads and after-sales
  {
    key: "liu",
    name: "刘洋 Liu Yang",
    email: "member",
    account: "member@demo.example",
    title: "亚马逊美国站运营专员 Amazon US Operations Specialist",
    department: "operations_manager",
    roles: [["operations_manager", 100]],
    manager: "ops",
    markets: ["US"],
    languages: ["zh", "en"],
    startDate: "2022-03-01",
  },
  {
    key: "carter",
    name: "Emily Carter",
    email: "emily.carter",
    title: "Amazon US Account Manager",
    department: "operations_manager",
    roles: [["operations_manager", 100]],
    manager: "ops",
    markets: ["US", "CA"],
    languages: ["en"],
    startDate: "2023-05-22",
  },
  {
    key: "huang",
    name: "黄丽 Huang Li",
    email: "huang.li",
    title: "亚马逊欧洲站运营 Amazon EU Operations",
    department: "operations_manager",
    roles: [
      ["operations_manager", 70],
      ["marketing", 30],
    ],
    manager: "ops",
    markets: ["DE", "FR", "IT"],
    languages: ["zh", "en", "de"],
    startDate: "2020-08-17",
  },
  {
    key: "becker",
    name: "Lukas Becker",
    email: "lukas.becker",
    title: "Amazon DE Account Manager",
    department: "operations_manager",
    roles: [["operations_manager", 100]],
    manager: "ops",
    markets: ["DE", "AT"],
    languages: ["de", "en"],
    startDate: "2023-01-09",
  },
  {
    key: "lin",
    name: "林晓 Lin Xiao",
    email: "lin.xiao",
    title: "eBay 英国站运营 eBay UK Operations",
    department: "operations_manager",
    roles: [["operations_manager", 100]],
    manager: "ops",
    markets: ["UK"],
    languages: ["zh", "en"],
    startDate: "2021-10-11",
  },
  {
    key: "yamada",
    name: "山田花子 Yamada Hanako",
    email: "hanako.yamada",
    title: "亚马逊日本站运营 Amazon JP Operations",
    department: "operations_manager",
    roles: [["operations_manager", 100]],
    manager: "ops",
    markets: ["JP"],
    languages: ["ja", "en", "zh"],
    startDate: "2022-11-07",
  },
  {
    key: "he",
    name: "何军 He Jun",
    email: "he.jun",
    title: "广告投放专员 Advertising Specialist",
    department: "operations_manager",
    roles: [
      ["operations_manager", 60],
      ["data_analysis", 40],
    ],
    manager: "ops",
    markets: ["US", "UK", "DE"],
    languages: ["zh", "en"],
    startDate: "2021-05-24",
  },
  {
    key: "ma",
    name: "马超 Ma Chao",
    email: "ma.chao",
    title: "售后客服主管 After-sales Lead",
    department: "operations_manager",
    roles: [["operations_manager", 100]],
    manager: "ops",
    markets: ["US", "UK", "DE", "JP"],
    languages: ["zh", "en"],
    startDate: "2020-02-24",
  },
  {
    key: "xu",
    name: "许静 Xu Jing",
    email: "xu.jing",
    title: "多语种客服 Multilingual Customer Service",
    department: "operations_manager",
    roles: [["operations_manager", 100]],
    manager: "ma",
    markets: ["FR", "DE"],
    languages: ["zh", "en", "fr"],
    startDate: "2023-08-14",
  },
  {
    key: "martin",
    name: "Sophie Martin",
    email: "sophie.martin",
    title: "Amazon FR Marketplace Specialist",
    department: "operations_manager",
    roles: [
      ["operations_manager", 80],
      ["marketing", 20],
    ],
    manager: "huang",
    markets: ["FR"],
    languages: ["fr", "en"],
    startDate: "2024-02-05",
  },
  {
    key: "tang",
    name: "唐敏 Tang Min",
    email: "tang.min",
    title: "沃尔玛美国站运营 Walmart US Operations",
    department: "operations_manager",
    roles: [["operations_manager", 100]],
    manager: "ops",
    markets: ["US"],
    languages: ["zh", "en"],
    startDate: "2025-03-03",
  },

  // supply chain
  {
    key: "yang",
    name: "杨帆 Yang Fan",
    email: "yang.fan",
    title: "物流专员 Logistics Coordinator",
    department: "supply_chain",
    roles: [["supply_chain", 100]],
    manager: "supply",
    markets: ["US", "UK"],
    languages: ["zh", "en"],
    startDate: "2020-06-15",
  },
  {
    key: "zhu",
    name: "朱琳 Zhu Lin",
    email: "zhu.lin",
    title: "采购专员 Purchasing Specialist",
    department: "supply_chain",
    roles: [
      ["supply_chain", 70],
      ["product_manager", 30],
    ],
    manager: "supply",
    markets: [],
    languages: ["zh"],
    startDate: "2021-01-18",
  },
  {
    key: "gao",
    name: "高峰 Gao Feng",
    email: "gao.feng",
    title: "FBA 入仓专员 FBA Inbound Specialist",
    department: "supply_chain",
    roles: [["supply_chain", 100]],
    manager: "supply",
    markets: ["US", "DE", "JP"],
    languages: ["zh", "en"],
    startDate: "2022-05-09",
  },
  {
    key: "luo",
    name: "罗斌 Luo Bin",
    email: "luo.bin",
    title: "报关与货代专员 Customs & Freight Specialist",
    department: "supply_chain",
    roles: [
      ["supply_chain", 60],
      ["compliance_risk", 40],
    ],
    manager: "supply",
    markets: ["DE", "UK", "FR"],
    languages: ["zh", "en"],
    startDate: "2020-11-02",
  },
  {
    key: "xie",
    name: "谢芳 Xie Fang",
    email: "xie.fang",
    title: "库存计划员 Inventory Planner",
    department: "supply_chain",
    roles: [
      ["supply_chain", 50],
      ["data_analysis", 50],
    ],
    manager: "supply",
    markets: ["US", "DE"],
    languages: ["zh", "en"],
    startDate: "2023-03-20",
  },
  {
    key: "gong",
    name: "龚伟 Gong Wei",
    email: "gong.wei",
    title: "供应商质量专员 Supplier Quality",
    department: "supply_chain",
    roles: [["supply_chain", 100]],
    manager: "supply",
    markets: [],
    languages: ["zh"],
    startDate: "2024-06-17",
  },

  // product
  {
    key: "han",
    name: "韩雪 Han Xue",
    email: "han.xue",
    title: "产品经理 Product Manager",
    department: "product_manager",
    roles: [["product_manager", 100]],
    manager: "product",
    markets: ["US", "UK"],
    languages: ["zh", "en"],
    startDate: "2020-09-07",
  },
  {
    key: "feng",
    name: "冯凯 Feng Kai",
    email: "feng.kai",
    title: "选品分析师 Product Selection Analyst",
    department: "product_manager",
    roles: [
      ["product_manager", 60],
      ["data_analysis", 40],
    ],
    manager: "product",
    markets: ["US", "DE", "JP"],
    languages: ["zh", "en"],
    startDate: "2022-07-18",
  },
  {
    key: "cao",
    name: "曹颖 Cao Ying",
    email: "cao.ying",
    title: "Listing 文案专员 Listing & Content Specialist",
    department: "product_manager",
    roles: [
      ["product_manager", 50],
      ["marketing", 50],
    ],
    manager: "product",
    markets: ["US", "UK"],
    languages: ["zh", "en"],
    startDate: "2023-04-10",
  },
  {
    key: "zhong",
    name: "钟琪 Zhong Qi",
    email: "zhong.qi",
    title: "产品开发助理 Product Development Assistant",
    department: "product_manager",
    roles: [["product_manager", 100]],
    manager: "han",
    markets: [],
    languages: ["zh", "en"],
    startDate: "2025-04-14",
  },

  // tech: the business systems (ERP, listing tools) and data pipelines
  {
    key: "admin",
    name: "Ada Admin 管理员",
    email: "admin",
    account: "admin@demo.example",
    title: "系统管理员 Business Systems Administrator",
    department: "tech_dev",
    roles: [["tech_dev", 100]],
    manager: "tech",
    markets: [],
    languages: ["en", "zh"],
    startDate: "2021-09-01",
  },
  {
    key: "peng",
    name: "彭涛 Peng Tao",
    email: "peng.tao",
    title: "ERP 工程师 ERP Engineer",
    department: "tech_dev",
    roles: [["tech_dev", 100]],
    manager: "tech",
    markets: [],
    languages: ["zh", "en"],
    startDate: "2022-01-10",
  },
  {
    key: "dong",
    name: "董洁 Dong Jie",
    email: "dong.jie",
    title: "前端开发 Front-end Developer",
    department: "tech_dev",
    roles: [["tech_dev", 100]],
    manager: "tech",
    markets: [],
    languages: ["zh"],
    startDate: "2023-10-16",
  },

  // marketing
  {
    key: "jiang",
    name: "蒋欣 Jiang Xin",
    email: "jiang.xin",
    title: "内容运营 Content Creator",
    department: "marketing",
    roles: [["marketing", 100]],
    manager: "marketing",
    markets: ["US", "UK"],
    languages: ["zh", "en"],
    startDate: "2022-02-21",
  },
  {
    key: "brown",
    name: "Olivia Brown",
    email: "olivia.brown",
    title: "Social Media & KOL Manager",
    department: "marketing",
    roles: [["marketing", 100]],
    manager: "marketing",
    markets: ["US", "UK"],
    languages: ["en"],
    startDate: "2023-06-26",
  },
  {
    key: "tian",
    name: "田甜 Tian Tian",
    email: "tian.tian",
    title: "品牌设计师 Brand Designer",
    department: "marketing",
    roles: [["marketing", 100]],
    manager: "marketing",
    markets: [],
    languages: ["zh"],
    startDate: "2021-11-29",
  },
  {
    key: "lu",
    name: "鲁鹏 Lu Peng",
    email: "lu.peng",
    title: "大促活动专员 Deals & Promotions",
    department: "marketing",
    roles: [
      ["marketing", 60],
      ["operations_manager", 40],
    ],
    manager: "marketing",
    markets: ["US", "DE", "JP"],
    languages: ["zh", "en"],
    startDate: "2022-08-08",
  },

  // data
  {
    key: "shen",
    name: "沈悦 Shen Yue",
    email: "shen.yue",
    title: "BI 分析师 BI Analyst",
    department: "data_analysis",
    roles: [["data_analysis", 100]],
    manager: "data",
    markets: [],
    languages: ["zh", "en"],
    startDate: "2023-02-13",
  },
  {
    key: "qin",
    name: "秦朗 Qin Lang",
    email: "qin.lang",
    title: "数据工程师 Data Engineer",
    department: "data_analysis",
    roles: [
      ["data_analysis", 70],
      ["tech_dev", 30],
    ],
    manager: "data",
    markets: [],
    languages: ["zh", "en"],
    startDate: "2024-01-08",
  },

  // compliance
  {
    key: "schmidt",
    name: "Hannah Schmidt",
    email: "hannah.schmidt",
    title: "EU VAT & EPR Specialist",
    department: "compliance_risk",
    roles: [["compliance_risk", 100]],
    manager: "compliance",
    markets: ["DE", "FR", "IT", "ES"],
    languages: ["de", "en"],
    startDate: "2025-05-05",
  },
];

/** Recent hires nobody has assessed yet. */
const NOT_ASSESSED = new Set(["tang", "zhong", "schmidt"]);

/** Who assesses whom: each lead their department, the founder the leads, HR the founder; never oneself. */
function assessorOf(member: DemoMember): string {
  if (member.key === "gm") return "hr@demo.example";
  if (member.manager === "gm") return "manager@demo.example";
  if (member.department === "operations_manager") return "lead.ops@demo.example";
  if (member.department === "supply_chain") return "lead.supply@demo.example";
  return member.key.length % 2 === 0 ? "hr@demo.example" : "manager@demo.example";
}

const NOTES = [
  "季度绩效复盘 Quarterly review",
  "项目复盘后评估 Assessed after the project review",
  "主管观察评估 Lead's observation",
  "培训后复评 Re-assessed after training",
  "",
];

/** mulberry32: a small seeded generator, so every run picks the same. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The level each of the member's roles needs at the growth stage, per skill (the highest where roles share one). */
function requiredLevels(member: DemoMember): Map<string, SkillLevel> {
  const required = new Map<string, SkillLevel>();
  for (const [roleId] of [...member.roles].sort((a, b) => b[1] - a[1])) {
    const role = shippedPlaybook.roles.find((candidate) => candidate.id === roleId);
    for (const skill of role?.skills ?? []) {
      const level = skill.levels.growth;
      if ((required.get(skill.skillId) ?? -1) < level) required.set(skill.skillId, level);
    }
  }
  return required;
}

const clampLevel = (level: number): SkillLevel => Math.max(0, Math.min(4, level)) as SkillLevel;

/**
 * Required level minus assessed level, dealt out in turn to the assessed
 * skills: 12 in 20 meet the level (3 of them exceed it), 5 are one below,
 * 3 are two or three below.
 */
const GAP_PATTERN = [0, 1, 0, -1, 0, 2, 1, 0, 0, 1, -1, 0, 3, 0, 1, 0, -1, 2, 1, 0];

interface DemoAssessment {
  key: string;
  skillId: string;
  level: SkillLevel;
  daysAgo: number;
  assessor: string;
  note: string;
}

/**
 * Three to six assessments per assessed member: the latest of each skill
 * against the growth level as GAP_PATTERN deals it; some skills have an
 * earlier, lower assessment as history, and skills beyond the first four
 * stay unassessed.
 */
function demoAssessments(random: () => number): DemoAssessment[] {
  const out: DemoAssessment[] = [];
  let turn = 0;
  for (const member of TEAM) {
    if (NOT_ASSESSED.has(member.key)) continue;
    const required = [...requiredLevels(member)];
    const skills = required.slice(0, 4);
    const rows: DemoAssessment[] = [];
    for (const [skillId, level] of skills) {
      const gap = GAP_PATTERN[(turn += 1) % GAP_PATTERN.length];
      rows.push({
        key: member.key,
        skillId,
        level: clampLevel(level - gap),
        daysAgo: 5 + Math.floor(random() * 120),
        assessor: assessorOf(member),
        note: NOTES[Math.floor(random() * NOTES.length)],
      });
    }
    // history: an earlier assessment, a level lower, for some of the skills
    for (const latest of [...rows]) {
      if (rows.length >= 6 || (rows.length >= 3 && random() < 0.55)) continue;
      rows.push({
        ...latest,
        level: clampLevel(latest.level - 1),
        daysAgo: 160 + Math.floor(random() * 190),
        note: "入职或上次评估 Earlier assessment",
      });
    }
    out.push(...rows);
  }
  return out;
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function daysBefore(today: Date, days: number): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days));
}

export interface DemoTeamSummary {
  members: number;
  dualRole: number;
  linkedAccounts: number;
  assessments: number;
  /** latest level of each of the members' role skills against the growth level */
  gaps: { meets: number; oneBelow: number; twoOrMoreBelow: number; notAssessed: number };
}

/**
 * Adds the demo team to the organisation, in one transaction; does nothing
 * (and answers null) when the organisation has members already.
 */
export async function seedDemoTeam(organisationId: string, today: Date = new Date()): Promise<DemoTeamSummary | null> {
  const random = generator(20_251_125);
  const assessments = demoAssessments(random);
  return db.$transaction(
    async (tx) => {
      if ((await tx.member.count({ where: { organisationId } })) > 0) return null;
      const users = await tx.user.findMany({
        where: {
          organisationId,
          email: {
            in: TEAM.flatMap((m) => (m.account ? [m.account] : [])).concat("hr@demo.example", "manager@demo.example"),
          },
        },
        select: { id: true, email: true, name: true },
      });
      const userByEmail = new Map(users.map((user) => [user.email, user]));
      const idOf = new Map<string, string>();
      let linkedAccounts = 0;
      for (const member of TEAM) {
        const user = member.account ? userByEmail.get(member.account) : undefined;
        if (user) linkedAccounts += 1;
        const created = await tx.member.create({
          data: {
            organisationId,
            userId: user?.id ?? null,
            name: member.name,
            email: `${member.email}@${DOMAIN}`,
            title: member.title,
            department: member.department,
            managerId: member.manager === null ? null : (idOf.get(member.manager) ?? null),
            markets: JSON.stringify(member.markets),
            languages: JSON.stringify(member.languages),
            startDate: day(member.startDate),
            roles: { create: member.roles.map(([roleId, sharePercent]) => ({ roleId, sharePercent })) },
          },
          select: { id: true },
        });
        idOf.set(member.key, created.id);
      }
      await tx.skillAssessment.createMany({
        data: assessments.map((a) => {
          const assessor = userByEmail.get(a.assessor);
          return {
            organisationId,
            memberId: idOf.get(a.key) ?? "",
            skillId: a.skillId,
            level: a.level,
            assessedOn: daysBefore(today, a.daysAgo),
            assessorName: assessor?.name ?? a.assessor,
            assessorUserId: assessor?.id ?? null,
            note: a.note,
          };
        }),
      });
      const summary = summarise(assessments, linkedAccounts);
      const { meets, oneBelow, twoOrMoreBelow, notAssessed } = summary.gaps;
      console.log(
        `Demo team: ${summary.members} members (${summary.dualRole} in two roles), ${summary.assessments} assessments; ` +
          `role skills: ${meets} meet the level, ${oneBelow} one below, ${twoOrMoreBelow} two or more below, ${notAssessed} not assessed.`,
      );
      return summary;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

function summarise(assessments: readonly DemoAssessment[], linkedAccounts: number): DemoTeamSummary {
  const gaps = { meets: 0, oneBelow: 0, twoOrMoreBelow: 0, notAssessed: 0 };
  for (const member of TEAM) {
    for (const [skillId, required] of requiredLevels(member)) {
      const latest = assessments
        .filter((a) => a.key === member.key && a.skillId === skillId)
        .sort((a, b) => a.daysAgo - b.daysAgo)[0];
      if (!latest) gaps.notAssessed += 1;
      else if (latest.level >= required) gaps.meets += 1;
      else if (required - latest.level === 1) gaps.oneBelow += 1;
      else gaps.twoOrMoreBelow += 1;
    }
  }
  return {
    members: TEAM.length,
    dualRole: TEAM.filter((member) => member.roles.length > 1).length,
    linkedAccounts,
    assessments: assessments.length,
    gaps,
  };
}
