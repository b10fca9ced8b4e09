import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, OPTIONAL_EMAIL_KINDS } from "../../app/domain/notifications";
import { listHeaders } from "../../app/models/mail-queue.server";
import { verifyUnsubscribe } from "../../app/utils/mail-content.server";

describe("List-Unsubscribe headers", () => {
  it("go on every kind a person may turn off (reminders, the digest), with a link signed for that person and kind", () => {
    for (const kind of OPTIONAL_EMAIL_KINDS) {
      const headers = listHeaders({ userId: "user-1", kind })!;
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const url = new URL(/^<(.+)>$/.exec(headers["List-Unsubscribe"])![1]);
      expect(url.pathname).toBe("/unsubscribe");
      expect([url.searchParams.get("u"), url.searchParams.get("k")]).toEqual(["user-1", kind]);
      expect(verifyUnsubscribe("user-1", kind, url.searchParams.get("s")!)).toBe(true);
    }
  });

  it("are absent from invitations, password resets, sign-up emails and mail to no account", () => {
    const always = NOTIFICATION_KINDS.filter((kind) => !(OPTIONAL_EMAIL_KINDS as readonly string[]).includes(kind));
    expect(always).toEqual(["invitation", "password_reset"]);
    for (const kind of [...always, "signup_confirm", "signup_existing"])
      expect(listHeaders({ userId: "user-1", kind })).toBeUndefined();
    expect(listHeaders({ userId: null, kind: "weekly_digest" })).toBeUndefined();
  });
});
