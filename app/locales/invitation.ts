/**
 * Strings of an invitation accepted by email (key "invitation", issue 14): the
 * "check your email" answer, the confirmation page and the two emails. See
 * decision 0010's addendum on invitations.
 */
const en = {
  sentTitle: "Check your email",
  sent: "We sent an email to {{email}}. Open the link in it to finish joining {{organisation}}: it works once, within 24 hours. If this address already has an account, the email tells you how to sign in instead.",
  sentNothingYet:
    "No account is created until you open the link. No email after a few minutes? Check the spam folder, or open the invitation again.",
  confirmTitle: "Join {{organisation}}",
  confirmText: "Create the account of {{name}} ({{email}}) in {{organisation}}, as {{kind}}.",
  confirmSubmit: "Create my account",
  invalid:
    "This link no longer works: it was used already, it expired, the invitation was withdrawn, or the link is incomplete. Open the invitation again, or ask the person who invited you for a new one.",
  emailTaken: "This email address already has an account. Sign in, or reset your password if you forgot it.",
  signIn: "Sign in",
  forgot: "Reset password",
  mail: {
    confirm: {
      subject: "Confirm your account in {{organisation}}",
      body: "Someone (probably you) accepted the invitation to join {{organisation}} on the Cross-border Team Planner with this email address. Open this link to create your account and sign in (it works once, within 24 hours). If it was not you, ignore this email: nothing is created.",
    },
    existing: {
      subject: "You already have an account",
      body: "Someone (probably you) tried to accept an invitation to the Cross-border Team Planner with this email address, which already has an account. An email address belongs to one organisation, so no new account was created. Sign in with the link below; if you forgot your password, reset it at {{reset}}. To join the other organisation, ask its admin to invite another address of yours. If it was not you, ignore this email.",
    },
  },
};

const zh: typeof en = {
  sentTitle: "请查收邮件",
  sent: "我们已向{{email}}发送了一封邮件。请打开邮件中的链接，完成加入{{organisation}}：链接仅可使用一次，24小时内有效。如果该地址已有账号，邮件会告诉你如何登录。",
  sentNothingYet: "打开链接之前，系统不会创建账号。几分钟后仍未收到？请检查垃圾邮件箱，或重新打开邀请链接。",
  confirmTitle: "加入{{organisation}}",
  confirmText: "在{{organisation}}中为{{name}}（{{email}}）创建账号，身份为「{{kind}}」。",
  confirmSubmit: "创建我的账号",
  invalid:
    "该链接已失效：可能已被使用、已过期、邀请已被撤回或链接不完整。请重新打开邀请链接，或联系邀请人重新发送邀请。",
  emailTaken: "该邮箱地址已有账号。请直接登录；如果忘记密码，可以重置密码。",
  signIn: "登录",
  forgot: "重置密码",
  mail: {
    confirm: {
      subject: "请确认你在{{organisation}}的账号",
      body: "有人（很可能是你）使用此邮箱地址接受了加入跨境团队规划中{{organisation}}的邀请。请打开以下链接创建账号并登录（仅可使用一次，24小时内有效）。如果不是你本人操作，请忽略此邮件，系统不会创建任何内容。",
    },
    existing: {
      subject: "你已有账号",
      body: "有人（很可能是你）尝试使用此邮箱地址接受跨境团队规划的邀请，但该地址已有账号。一个邮箱地址只能属于一个组织，因此没有创建新账号。请通过以下链接登录；如果忘记密码，可以在{{reset}}重置。如需加入另一个组织，请让该组织的管理员邀请你的其他邮箱地址。如果不是你本人操作，请忽略此邮件。",
    },
  },
};

export const invitationStrings = { en, zh };
