import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/ui";

type Meta = Parameters<typeof TextField>[0]["meta"];

/**
 * The new-password block of sign-up and of accepting an invitation: the
 * password with the policy's hint, and its confirmation when the form asks
 * for one. Each answer from the server (`answer` changes) empties both
 * fields: what was typed there never comes back, even though the rest of the
 * form keeps what was typed.
 */
export function NewPasswordFields({ password, confirm, answer }: { password: Meta; confirm?: Meta; answer: unknown }) {
  const { t } = useTranslation();
  const [replies, setReplies] = useState(0);
  useEffect(() => {
    if (answer) setReplies((count) => count + 1);
  }, [answer]);
  return (
    <>
      <TextField
        key={`password-${replies}`}
        meta={password}
        label={t("auth.fields.newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("auth.fields.passwordHint")}
      />
      {confirm ? (
        <TextField
          key={`confirmPassword-${replies}`}
          meta={confirm}
          label={t("auth.fields.confirmPassword")}
          type="password"
          autoComplete="new-password"
        />
      ) : null}
    </>
  );
}
