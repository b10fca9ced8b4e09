/**
 * Strings of getting in (key "access"): the sign-up confirmed by email, its
 * emails, and the password-reset link an admin issues for a person of their
 * organisation when no email can reach them.
 */
const en = {
  signup: {
    sentTitle: "Check your email",
    sent: "We sent an email to {{email}}. Open the link in it to create your organisation: it works once, within 24 hours. If this address already has an account, the email tells you how to sign in instead.",
    sentNothingYet:
      "Nothing is created until you open the link. No email after a few minutes? Check the spam folder, or sign up again.",
    confirmTitle: "Create your organisation",
    confirmText: "Create {{organisation}} with {{email}} as its admin.",
    confirmSubmit: "Create organisation",
    invalid:
      "This link no longer works: it was used already, it expired, or it is incomplete. Sign up again to get a new one.",
    emailTaken: "This email address already has an account. Sign in, or reset your password if you forgot it.",
    signUpAgain: "Sign up again",
    signIn: "Sign in",
    forgot: "Reset password",
  },
  mail: {
    signupConfirm: {
      subject: "Confirm your new organisation",
      body: "Someone (probably you) signed up for the Cross-border Team Planner with this email address, to create {{organisation}}. Open this link to create it and sign in (it works once, within 24 hours). If it was not you, ignore this email: nothing is created.",
    },
    signupExisting: {
      subject: "You already have an account",
      body: "Someone (probably you) tried to sign up for the Cross-border Team Planner with this email address, which already has an account. An email address belongs to one organisation, so no new organisation was created. Sign in with the link below; if you forgot your password, reset it at {{reset}}. If it was not you, ignore this email.",
    },
  },
  adminReset: {
    title: "Password reset link",
    text: "For a person who forgot their password when no email can reach them: a link that lets them choose a new one. It works once, for one hour, and signs them out everywhere. Give it to them yourself.",
    submit: "Create a reset link",
    shownOnce:
      "Copy this link now and give it to {{name}} in person or over a channel you trust: it is shown only once.",
    copy: "Link",
    disabled: "This account is disabled: enable it first.",
  },
};

const zh: typeof en = {
  signup: {
    sentTitle: "请查收邮件",
    sent: "我们已向{{email}}发送了一封邮件。请打开邮件中的链接完成组织创建：链接仅可使用一次，24小时内有效。如果该地址已有账号，邮件会告诉你如何登录。",
    sentNothingYet: "打开链接之前，系统不会创建任何内容。几分钟后仍未收到？请检查垃圾邮件箱，或重新注册。",
    confirmTitle: "创建你的组织",
    confirmText: "创建{{organisation}}，并由{{email}}担任管理员。",
    confirmSubmit: "创建组织",
    invalid: "该链接已失效：可能已被使用、已过期或不完整。请重新注册以获取新链接。",
    emailTaken: "该邮箱地址已有账号。请直接登录；如果忘记密码，可以重置密码。",
    signUpAgain: "重新注册",
    signIn: "登录",
    forgot: "重置密码",
  },
  mail: {
    signupConfirm: {
      subject: "请确认创建新组织",
      body: "有人（很可能是你）使用此邮箱地址注册跨境团队规划，以创建{{organisation}}。请打开以下链接完成创建并登录（仅可使用一次，24小时内有效）。如果不是你本人操作，请忽略此邮件，系统不会创建任何内容。",
    },
    signupExisting: {
      subject: "你已有账号",
      body: "有人（很可能是你）尝试使用此邮箱地址注册跨境团队规划，但该地址已有账号。一个邮箱地址只能属于一个组织，因此没有创建新组织。请通过以下链接登录；如果忘记密码，可以在{{reset}}重置。如果不是你本人操作，请忽略此邮件。",
    },
  },
  adminReset: {
    title: "密码重置链接",
    text: "当成员忘记密码且无法通过邮件联系时使用：生成一个供其设置新密码的链接。链接仅可使用一次，一小时内有效，使用后该成员会在所有设备上退出登录。请由你亲自转交。",
    submit: "生成重置链接",
    shownOnce: "请立即复制此链接，并当面或通过可信渠道转交给{{name}}：链接只显示这一次。",
    copy: "链接",
    disabled: "该账号已被停用，请先启用。",
  },
};

export const accessStrings = { en, zh };
