import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ui } from "./styles";
import { useHydrated } from "./useHydrated";

/**
 * A secret shown once: a read-only text field anyone can select and copy,
 * and, with JavaScript, a button that copies it.
 */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("copied");
    } catch {
      // no clipboard permission: select the text so Ctrl+C works
      input.current?.select();
      setCopied("failed");
    }
  }

  return (
    <div>
      <label htmlFor={id} className={ui.label}>
        {label}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
          className="block min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
          data-testid={`${id}-value`}
        />
        {hydrated ? (
          <button type="button" onClick={copy} className={ui.secondaryButton}>
            {t("admin.common.copy")}
          </button>
        ) : null}
      </div>
      <p role="status" className="mt-1 min-h-5 text-xs text-slate-600">
        {copied === "copied" ? t("admin.common.copied") : copied === "failed" ? t("admin.common.copyFailed") : ""}
      </p>
    </div>
  );
}
