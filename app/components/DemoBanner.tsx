import { useTranslation } from "react-i18next";

/**
 * On every page while demo accounts with the published password are on and
 * the server is reachable beyond its own machine (server.mjs decides).
 */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      data-testid="demo-banner"
      className="bg-red-700 px-4 py-2 text-center text-sm font-semibold text-white"
    >
      {t("security.demoBanner")}
    </div>
  );
}
