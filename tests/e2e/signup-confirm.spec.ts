import { expect, test } from "@playwright/test";
import { keepScreenshot, rememberLanguage } from "./helpers";
import { signupLinkFor } from "./mailbox";

/*
 * Sign-up confirmed by email (issue 14): the same "check your email" page
 * for an address with an account and a new one; the new one's link creates
 * the organisation and signs the founder in. Chinese first, then English.
 */

const PASSWORD = "a long enough password";
let counter = 0;
const uniqueEmail = () => `confirm-${Date.now()}-${counter++}@e2e.example`;

test("sign-up answers the same for a taken and a new email; the email's link creates the organisation (zh, en)", async ({
  page,
  context,
  baseURL,
}) => {
  const strings = {
    zh: {
      org: "组织名称",
      name: "姓名",
      email: "邮箱地址",
      password: "设置密码",
      submit: "创建组织",
      sent: "请查收邮件",
    },
    en: {
      org: "Organisation name",
      name: "Your name",
      email: "Email address",
      password: "Choose a password",
      submit: "Create organisation",
      sent: "Check your email",
    },
  } as const;
  for (const lang of ["zh", "en"] as const) {
    const t = strings[lang];
    await rememberLanguage(context, lang, baseURL);
    const answers: string[] = [];
    // the demo admin's address has an account, the other is new (compared in Chinese; English signs up only)
    const newEmail = uniqueEmail();
    for (const email of lang === "zh" ? ["admin@demo.example", newEmail] : [newEmail]) {
      await page.goto("/signup?model=b2b&stage=growth");
      await page.getByLabel(t.org).fill(lang === "zh" ? "海港优品" : "Harbour Goods");
      await page.getByLabel(t.name).fill(lang === "zh" ? "赵磊" : "Zhao Lei");
      await page.getByLabel(t.email).fill(email);
      await page.getByLabel(t.password).fill(PASSWORD);
      await page.getByRole("button", { name: t.submit }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.sent);
      answers.push((await page.locator("main").innerText()).replace(email, "<email>"));
      if (lang === "zh" && email === newEmail) await keepScreenshot(page, "/tmp/access-signup-sent-zh.png");
    }
    if (lang === "zh") expect(answers[0]).toBe(answers[1]);

    await page.goto(signupLinkFor(newEmail));
    await expect(page.locator("main")).toContainText(lang === "zh" ? "海港优品" : "Harbour Goods");
    if (lang === "zh") await keepScreenshot(page, "/tmp/access-signup-confirm-zh.png");
    await page.locator("main form").getByRole("button", { name: t.submit }).click();
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByTestId("setup-checklist")).toBeVisible();
    await context.clearCookies();
  }
});
