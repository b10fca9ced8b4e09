import { Form, Link } from "@remix-run/react";
import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { keepTabInside } from "./keepTabInside";
import { ui } from "./styles";
import { useHydrated } from "./useHydrated";

interface ConfirmProps {
  /** where the POST goes */
  action: string;
  /** hidden fields besides confirm=yes, e.g. { intent: "disable" } */
  fields?: Record<string, string>;
  title: string;
  body: string;
  confirmLabel: string;
}

/**
 * The confirmation of a destructive action as a page section: a POST with
 * `confirm=yes`, or a way back. Works without JavaScript.
 */
export function ConfirmPanel({
  action,
  fields,
  title,
  body,
  confirmLabel,
  cancelHref,
  id,
}: ConfirmProps & { cancelHref: string; id?: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section
      id={id}
      aria-labelledby={titleId}
      className="rounded-xl border border-red-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id={titleId} className={ui.h2}>
        {title}
      </h2>
      <p className="mt-2 text-sm text-slate-600">{body}</p>
      <Form method="post" action={action} className="mt-4 flex flex-wrap gap-3">
        <HiddenFields fields={fields} />
        <button type="submit" className={ui.dangerButton}>
          {confirmLabel}
        </button>
        <Link to={cancelHref} className={ui.secondaryButton}>
          {t("admin.common.cancel")}
        </Link>
      </Form>
    </section>
  );
}

/**
 * The button that starts a destructive action. Without JavaScript it is a
 * link to the confirmation page (`confirmHref`); with it, a modal dialog
 * asks the same question and sends the same POST. The dialog opens on
 * "Cancel", closes with Escape, and gives focus back to its button.
 */
export function ConfirmAction({
  confirmHref,
  triggerLabel,
  triggerAriaLabel,
  triggerStyle = "link",
  ...confirm
}: ConfirmProps & {
  confirmHref: string;
  triggerLabel: string;
  triggerAriaLabel?: string;
  triggerStyle?: "link" | "button";
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const className = triggerStyle === "link" ? ui.dangerLink : ui.dangerButton;
  if (!hydrated) {
    return (
      <Link to={confirmHref} className={className} aria-label={triggerAriaLabel}>
        {triggerLabel}
      </Link>
    );
  }
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={className}
        aria-label={triggerAriaLabel}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {triggerLabel}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        // Escape closes a modal dialog natively; either way focus goes back to the button that opened it
        onClose={() => trigger.current?.focus()}
        onKeyDown={(event) => keepTabInside(event.currentTarget, event)}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-6 text-left shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={titleId} className={ui.h2}>
          {confirm.title}
        </h2>
        <p className="mt-2 text-sm font-normal normal-case tracking-normal text-slate-600">{confirm.body}</p>
        <Form
          method="post"
          action={confirm.action}
          className="mt-5 flex flex-wrap justify-end gap-3"
          onSubmit={() => dialog.current?.close()}
        >
          <HiddenFields fields={confirm.fields} />
          <button type="button" className={ui.secondaryButton} onClick={() => dialog.current?.close()} autoFocus>
            {t("admin.common.cancel")}
          </button>
          <button type="submit" className={ui.dangerButton}>
            {confirm.confirmLabel}
          </button>
        </Form>
      </dialog>
    </>
  );
}

function HiddenFields({ fields }: { fields?: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="confirm" value="yes" />
    </>
  );
}
