/**
 * Strings of the sign-up, sign-in, sign-out, invitation and organisation
 * pages (key "auth"). `validation` holds the messages of app/forms/auth.ts.
 */
const en = {
  validation: {
    required: "Fill this in.",
    invalid: "This value is not valid.",
    tooLong: "This is too long.",
    email: {
      required: "Enter your email address.",
      invalid: "Enter an email address like name@example.com.",
      tooLong: "An email address has at most 254 characters.",
      taken: "An account with this email address already exists. Sign in instead.",
    },
    password: {
      required: "Enter your password.",
      invalid: "Enter the password once, as text.",
      tooShort: "Use at least 10 characters.",
      tooLong: "Use at most 200 characters.",
      mismatch: "The two passwords are not the same.",
    },
    name: {
      required: "Enter your name.",
      invalid: "Enter the name on one line, without special control characters.",
      tooLong: "Use at most 100 characters.",
    },
    organisationName: {
      required: "Enter your organisation's name.",
      invalid: "Enter the name on one line, without special control characters.",
      tooLong: "Use at most 100 characters.",
    },
    confirmPassword: { required: "Enter the password again." },
    model: { invalid: "Choose your current operating model." },
    stage: { invalid: "Choose your company's current stage." },
  },
  fields: {
    name: "Your name",
    email: "Email address",
    password: "Password",
    newPassword: "Choose a password",
    passwordHint: "At least 10 characters. A few unrelated words work well.",
    confirmPassword: "Password again",
    organisationName: "Organisation name",
    model: "Current operating model",
    stage: "Company stage",
  },
  submitting: "Please wait…",
  signup: {
    title: "Create your organisation",
    intro: "Sign up as the founder: you become the organisation's admin and can invite your team afterwards.",
    organisationLegend: "Your organisation",
    accountLegend: "Your account",
    submit: "Create organisation",
    haveAccount: "Already have an account?",
    signIn: "Sign in",
  },
  login: {
    title: "Sign in",
    intro: "Sign in to see your organisation's plan.",
    submit: "Sign in",
    noAccount: "New here?",
    signUp: "Create an organisation",
    invalidCredentials: "The email address or the password is wrong.",
    disabled: "This account is disabled. Ask your organisation's admin.",
    throttled: {
      account_one: "Too many failed sign-ins for this account. Try again in {{count}} minute.",
      account_other: "Too many failed sign-ins for this account. Try again in {{count}} minutes.",
      address_one: "Too many failed sign-ins from your network. Try again in {{count}} minute.",
      address_other: "Too many failed sign-ins from your network. Try again in {{count}} minutes.",
    },
  },
  logout: {
    title: "Sign out",
    text: "You are signed in as {{name}}. Sign out on this device?",
    submit: "Sign out",
    cancel: "Stay signed in",
  },
  invite: {
    pageTitle: "Invitation",
    title: "Join {{organisation}}",
    intro: "You are invited to join {{organisation}} as {{kind}}.",
    emailLabel: "Your account's email address",
    setUp: "Choose your name and password to finish.",
    submit: "Join the organisation",
    signIn: "Sign in",
    unusable: {
      unknown: {
        title: "Invitation not found",
        text: "This invitation link does not exist. Check that you copied the whole link, or ask for a new one.",
      },
      expired: {
        title: "Invitation expired",
        text: "This invitation link has expired. Ask your organisation's admin for a new one.",
      },
      used: {
        title: "Invitation already used",
        text: "This invitation link has already been used. If it was you, sign in.",
      },
      revoked: {
        title: "Invitation withdrawn",
        text: "This invitation was withdrawn. Ask your organisation's admin if you should still join.",
      },
      email_taken: {
        title: "You already have an account",
        text: "An account with this invitation's email address already exists. Sign in instead.",
      },
    },
  },
  org: {
    title: "Our organisation",
    operatingModel: "Current operating model",
    stage: "Company stage",
    openPlanner: "Open the planner with these choices",
    you: "You",
    signedInAs: "{{name}} · {{kind}}",
    changeHint: "Admins and managers change the operating model and stage in the organisation settings.",
    changeLink: "Organisation settings",
  },
} as const;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const zh: Strings<typeof en> = {
  validation: {
    required: "请填写此项。",
    invalid: "此值无效。",
    tooLong: "内容过长。",
    email: {
      required: "请输入邮箱地址。",
      invalid: "请输入有效的邮箱地址，例如 name@example.com。",
      tooLong: "邮箱地址最多 254 个字符。",
      taken: "该邮箱已注册，请直接登录。",
    },
    password: {
      required: "请输入密码。",
      invalid: "请只输入一个文本密码。",
      tooShort: "密码至少 10 个字符。",
      tooLong: "密码最多 200 个字符。",
      mismatch: "两次输入的密码不一致。",
    },
    name: {
      required: "请输入姓名。",
      invalid: "姓名请写在一行内，不要包含特殊控制字符。",
      tooLong: "最多 100 个字符。",
    },
    organisationName: {
      required: "请输入组织名称。",
      invalid: "名称请写在一行内，不要包含特殊控制字符。",
      tooLong: "最多 100 个字符。",
    },
    confirmPassword: { required: "请再次输入密码。" },
    model: { invalid: "请选择当前的运营模式。" },
    stage: { invalid: "请选择企业当前所处的发展阶段。" },
  },
  fields: {
    name: "姓名",
    email: "邮箱地址",
    password: "密码",
    newPassword: "设置密码",
    passwordHint: "至少 10 个字符，用几个不相关的词组合起来就很安全。",
    confirmPassword: "再次输入密码",
    organisationName: "组织名称",
    model: "当前运营模式",
    stage: "企业发展阶段",
  },
  submitting: "请稍候…",
  signup: {
    title: "创建你的组织",
    intro: "以创始人身份注册：你将成为组织的管理员，之后可以邀请团队成员加入。",
    organisationLegend: "组织信息",
    accountLegend: "你的账号",
    submit: "创建组织",
    haveAccount: "已有账号？",
    signIn: "登录",
  },
  login: {
    title: "登录",
    intro: "登录后查看你所在组织的规划。",
    submit: "登录",
    noAccount: "第一次使用？",
    signUp: "创建组织",
    invalidCredentials: "邮箱地址或密码不正确。",
    disabled: "该账号已被停用，请联系组织管理员。",
    throttled: {
      account_one: "该账号登录失败次数过多，请 {{count}} 分钟后再试。",
      account_other: "该账号登录失败次数过多，请 {{count}} 分钟后再试。",
      address_one: "你所在网络的登录失败次数过多，请 {{count}} 分钟后再试。",
      address_other: "你所在网络的登录失败次数过多，请 {{count}} 分钟后再试。",
    },
  },
  logout: {
    title: "退出登录",
    text: "你当前以 {{name}} 的身份登录。要在这台设备上退出吗？",
    submit: "退出登录",
    cancel: "保持登录",
  },
  invite: {
    pageTitle: "邀请",
    title: "加入 {{organisation}}",
    intro: "{{organisation}} 邀请你以「{{kind}}」身份加入。",
    emailLabel: "账号邮箱",
    setUp: "设置姓名和密码即可完成加入。",
    submit: "加入组织",
    signIn: "登录",
    unusable: {
      unknown: {
        title: "找不到该邀请",
        text: "该邀请链接不存在。请确认复制了完整的链接，或请管理员重新发送。",
      },
      expired: {
        title: "邀请已过期",
        text: "该邀请链接已过期，请联系组织管理员重新邀请。",
      },
      used: {
        title: "邀请已被使用",
        text: "该邀请链接已经使用过。如果是你本人使用的，请直接登录。",
      },
      revoked: {
        title: "邀请已撤回",
        text: "该邀请已被撤回。如仍需加入，请联系组织管理员。",
      },
      email_taken: {
        title: "你已经有账号了",
        text: "该邀请对应的邮箱已注册账号，请直接登录。",
      },
    },
  },
  org: {
    title: "我的组织",
    operatingModel: "当前运营模式",
    stage: "企业发展阶段",
    openPlanner: "用这些选择打开组织架构规划",
    you: "你的身份",
    signedInAs: "{{name}} · {{kind}}",
    changeHint: "管理员和经理可以在组织设置中修改运营模式和发展阶段。",
    changeLink: "组织设置",
  },
};

export const authStrings = { en, zh };
