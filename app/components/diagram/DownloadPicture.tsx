import { useRouteLoaderData } from "@remix-run/react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLang } from "~/components/ui";
import type { loader as RootLoader } from "~/root";
import { pictureFileName, pictureToSvg, type Measure, type Picture } from "~/domain/picture";
import { canvasMeasure, downloadBlob, pictureToPng } from "./pictureExport";
import { pictureDetails, type PictureHeading } from "./pictures";

/** What a diagram's picture says about itself, and how its files are named (`${fileStem}-<date>.png`). */
export interface PictureOptions {
  title: string;
  /** the operating model's and the stage's labels */
  model: string;
  stage: string;
  /** one more line for the title block, e.g. a business profile's summary */
  subtitle?: string | null;
  fileStem: string;
  /** the buttons' test ids are `${testId}-png` and `${testId}-svg`; default "export" */
  testId?: string;
  /** one of two charts meant to be read side by side (the scenarios): a narrower picture */
  sideBySide?: boolean;
}

/** Lays a diagram's picture out, given the page's text measure and font family. */
export type MakePicture = (measure: Measure, fontFamily: string) => Picture;

/**
 * "Download PNG" and "Download SVG" for a diagram: the whole diagram (every
 * laid-out box, not just what is in view) with its title block and legend,
 * made in the browser. Shown once JavaScript runs (the caller decides).
 */
export function DownloadPicture({
  makePicture,
  fileStem,
  testId = "export",
}: {
  makePicture: MakePicture;
  fileStem: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");

  const download = useCallback(
    async (format: "png" | "svg") => {
      setState("busy");
      try {
        const fontFamily = getComputedStyle(document.body).fontFamily || "sans-serif";
        const picture = makePicture(canvasMeasure(fontFamily), fontFamily);
        const blob =
          format === "png" ? await pictureToPng(picture) : new Blob([pictureToSvg(picture)], { type: "image/svg+xml" });
        downloadBlob(blob, pictureFileName(fileStem, new Date(), format));
        setState("idle");
      } catch {
        setState("failed");
      }
    },
    [makePicture, fileStem],
  );

  const button =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:opacity-60";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {state === "failed" ? (
        <span role="alert" className="rounded bg-white/90 px-2 py-1 text-xs text-red-700">
          {t("diagram.picture.failed")}
        </span>
      ) : null}
      {state === "busy" ? (
        <span role="status" className="text-xs text-slate-600">
          {t("diagram.picture.busy")}
        </span>
      ) : null}
      {(["png", "svg"] as const).map((format) => (
        <button
          key={format}
          type="button"
          onClick={() => download(format)}
          disabled={state === "busy"}
          data-testid={`${testId}-${format}`}
          className={button}
        >
          <span aria-hidden="true">⤓ </span>
          {t(format === "png" ? "diagram.picture.downloadPng" : "diagram.picture.downloadSvg")}
        </button>
      ))}
    </div>
  );
}

/**
 * A picture's title block: `title`, then the organisation (when signed in),
 * the operating model and stage, an optional profile line, and today's date.
 */
export function usePictureHeading({
  title,
  model,
  stage,
  subtitle,
}: Pick<PictureOptions, "title" | "model" | "stage" | "subtitle">): PictureHeading {
  const { t } = useTranslation();
  const lang = useLang();
  const organisationName = useRouteLoaderData<typeof RootLoader>("root")?.viewer?.organisationName ?? null;
  return useMemo(
    () => ({ title, details: pictureDetails(t, { organisationName, model, stage, subtitle, lang }) }),
    [title, t, organisationName, model, stage, subtitle, lang],
  );
}
