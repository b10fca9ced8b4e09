import { OrgChartDiagram, type OrgChartDiagramProps } from "~/components/diagram/OrgChartDiagram";
import type { Language, OrgChartRecommendation } from "~/domain/types";

function noop() {}

/** A recommended org chart to look at, with no role to select (the hiring target, the scenarios side by side). */
export function ReadOnlyOrgChart({
  recommendation,
  lang,
  height,
  picture,
}: {
  recommendation: OrgChartRecommendation;
  lang: Language;
  height: number;
  picture?: OrgChartDiagramProps["picture"];
}) {
  return (
    <OrgChartDiagram
      recommendation={recommendation}
      lang={lang}
      selectedRoleId={null}
      onSelectRole={noop}
      height={height}
      picture={picture}
    />
  );
}
