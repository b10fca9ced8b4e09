import { useCallback, useState } from "react";

/**
 * A button that makes a PNG in the browser and downloads it, with the busy
 * and failed states both diagram exports share (the team chart's and the
 * hiring planner's target org chart).
 */
export function PngDownloadButton({
  makePng,
  fileName,
  testId,
  labels,
  failedClassName = "text-xs text-red-700",
}: {
  /** Draws the PNG; given the page's font family. */
  makePng: (font: string) => Promise<Blob>;
  fileName: () => string;
  testId: string;
  labels: { download: string; busy: string; failed: string };
  failedClassName?: string;
}) {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");

  const onClick = useCallback(async () => {
    setState("busy");
    try {
      const font = getComputedStyle(document.body).fontFamily || "sans-serif";
      const blob = await makePng(font);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.download = fileName();
      a.href = url;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState("idle");
    } catch {
      setState("failed");
    }
  }, [makePng, fileName]);

  return (
    <div className="flex items-center gap-2">
      {state === "failed" ? (
        <span role="alert" className={failedClassName}>
          {labels.failed}
        </span>
      ) : null}
      <button
        type="button"
        onClick={onClick}
        disabled={state === "busy"}
        data-testid={testId}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:opacity-60"
      >
        <span aria-hidden="true">⤓ </span>
        {state === "busy" ? labels.busy : labels.download}
      </button>
    </div>
  );
}
