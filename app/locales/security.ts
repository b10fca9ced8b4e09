/**
 * Strings of one's own account (password, sessions, two-factor sign-in), the
 * second sign-in step, the admin's unlock and two-factor requirement, and the
 * demo banner (key "security").
 */
const en = {
  demoBanner:
    "Demo accounts are on and this server can be reached from other machines: anyone can sign in as an admin with the published demo password. Do not enter real data.",
  rateLimited: {
    title: "Too many requests",
    text: "Too many requests from your network in a short time. Wait a few minutes and try again.",
  },
  account: {
    title: "My account",
    intro: "Your password, where you are signed in, and two-factor sign-in.",
    required: "Your organisation requires two-factor sign-in. Set it up below to continue.",
    password: {
      title: "Change password",
      text: "Changing the password signs you out everywhere else.",
      current: "Current password",
      new: "New password",
      confirm: "New password again",
      submit: "Change password",
      wrongCurrent: "The current password is wrong.",
      done_one: "Password changed. {{count}} other session was signed out.",
      done_other: "Password changed. {{count}} other sessions were signed out.",
    },
    sessions: {
      title: "Where you are signed in",
      text_one: "You are signed in on this device only.",
      text_other: "You are signed in on {{count}} devices or browsers, this one included.",
      submit: "Sign out my other sessions",
      done_one: "{{count}} other session was signed out.",
      done_other: "{{count}} other sessions were signed out.",
    },
    twoFactor: {
      title: "Two-factor sign-in",
      off: "Off. With it on, signing in also asks for a 6-digit code from an authenticator app on your phone.",
      on: "On. Signing in asks for a code from your authenticator app. Recovery codes left: {{count}}.",
      start: "Set up two-factor sign-in",
      scan: "Scan this QR code with an authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password), or type the key below into it. Then enter the 6-digit code it shows.",
      qrAlt: "QR code for your authenticator app",
      secretLabel: "Key for typing in",
      code: "6-digit code",
      confirm: "Turn on",
      wrongCode: "That code is not right, or it has expired. Enter the code the app shows now.",
      recoveryTitle: "Your recovery codes",
      recoveryText:
        "Keep these somewhere safe (a password manager or on paper). Each one signs you in once if you lose your phone. They are shown only now.",
      disableTitle: "Turn off two-factor sign-in",
      disablePassword: "Your password",
      disable: "Turn off",
      disabled: "Two-factor sign-in is off.",
      requiredNoDisable: "Your organisation requires two-factor sign-in, so it cannot be turned off.",
    },
  },
  secondStep: {
    title: "Two-factor sign-in",
    intro: "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
    code: "Code",
    submit: "Continue",
    wrong: "That code is not right. Enter the code your app shows now, or a recovery code.",
    expired: "This sign-in took too long. Sign in again.",
    startOver: "Sign in again",
    recoveryUsed_one: "You signed in with a recovery code. {{count}} is left: set up new ones soon.",
    recoveryUsed_other: "You signed in with a recovery code. {{count}} are left.",
  },
  unlock: {
    title: "Sign-in blocks",
    none: "No address is blocked from signing in to this account.",
    some_one:
      "{{count}} address is blocked from signing in to this account after wrong passwords, until {{until}} at the latest.",
    some_other:
      "{{count}} addresses are blocked from signing in to this account after wrong passwords, until {{until}} at the latest.",
    submit: "Unlock sign-in",
    done: "Sign-in to {{name}}'s account is unlocked.",
  },
  requirement: {
    title: "Two-factor sign-in for everyone",
    text: "When required, everyone in the organisation must set up two-factor sign-in; people without it are sent to set it up before they can continue.",
    label: "Require two-factor sign-in",
    submit: "Save",
    enabledCount: "Two-factor sign-in is on for {{count}} of {{total}}.",
    saved: "Saved.",
  },
} as const;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const zh: Strings<typeof en> = {
  demoBanner:
    "演示账号已开启，且其他机器可以访问本服务器：任何人都能用公开的演示密码以管理员身份登录。请勿录入真实数据。",
  rateLimited: {
    title: "请求过于频繁",
    text: "你的网络在短时间内发出的请求过多，请等几分钟再试。",
  },
  account: {
    title: "我的账号",
    intro: "你的密码、登录设备和两步验证。",
    required: "你所在的组织要求开启两步验证。请先在下方完成设置再继续使用。",
    password: {
      title: "修改密码",
      text: "修改密码后，其他设备上的登录会全部退出。",
      current: "当前密码",
      new: "新密码",
      confirm: "再次输入新密码",
      submit: "修改密码",
      wrongCurrent: "当前密码不正确。",
      done_one: "密码已修改，已退出其他{{count}}处登录。",
      done_other: "密码已修改，已退出其他{{count}}处登录。",
    },
    sessions: {
      title: "登录设备",
      text_one: "你只在这台设备上登录。",
      text_other: "你在{{count}}个设备或浏览器上登录（含当前这个）。",
      submit: "退出其他设备上的登录",
      done_one: "已退出其他{{count}}处登录。",
      done_other: "已退出其他{{count}}处登录。",
    },
    twoFactor: {
      title: "两步验证",
      off: "未开启。开启后，登录时还需要输入手机验证器应用中的 6 位动态码。",
      on: "已开启。登录时需要输入验证器应用中的动态码。剩余恢复码：{{count}}个。",
      start: "设置两步验证",
      scan: "用验证器应用（如 Google Authenticator、Microsoft Authenticator 或 1Password）扫描此二维码，或手动输入下方密钥，然后填写应用显示的 6 位动态码。",
      qrAlt: "验证器应用的二维码",
      secretLabel: "手动输入用的密钥",
      code: "6 位动态码",
      confirm: "开启",
      wrongCode: "动态码不正确或已过期。请输入应用当前显示的动态码。",
      recoveryTitle: "你的恢复码",
      recoveryText: "请妥善保存（密码管理器或纸质记录）。手机丢失时，每个恢复码可登录一次。恢复码只显示这一次。",
      disableTitle: "关闭两步验证",
      disablePassword: "你的密码",
      disable: "关闭",
      disabled: "两步验证已关闭。",
      requiredNoDisable: "你所在的组织要求开启两步验证，因此无法关闭。",
    },
  },
  secondStep: {
    title: "两步验证",
    intro: "请输入验证器应用中的 6 位动态码，或一个恢复码。",
    code: "验证码",
    submit: "继续",
    wrong: "验证码不正确。请输入应用当前显示的动态码，或一个恢复码。",
    expired: "登录用时过长，请重新登录。",
    startOver: "重新登录",
    recoveryUsed_one: "你使用恢复码登录了，还剩{{count}}个，请尽快重新设置。",
    recoveryUsed_other: "你使用恢复码登录了，还剩{{count}}个。",
  },
  unlock: {
    title: "登录锁定",
    none: "目前没有地址被禁止登录此账号。",
    some_one: "因多次输错密码，有{{count}}个地址被暂时禁止登录此账号，最晚到{{until}}解除。",
    some_other: "因多次输错密码，有{{count}}个地址被暂时禁止登录此账号，最晚到{{until}}解除。",
    submit: "解除登录锁定",
    done: "已解除{{name}}账号的登录锁定。",
  },
  requirement: {
    title: "全员两步验证",
    text: "开启后，组织内每个人都必须设置两步验证；未设置的人在继续使用前会被引导去设置。",
    label: "要求全员开启两步验证",
    submit: "保存",
    enabledCount: "{{total}}人中有{{count}}人已开启两步验证。",
    saved: "已保存。",
  },
};

export const securityStrings = { en, zh };
