import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { fallbackLanguage, i18nOptions, isLanguage } from "~/utils/i18n";

async function hydrate() {
  // The server chose the language and wrote it on <html data-lang>.
  const lang = document.documentElement.dataset.lang;
  await i18next.use(initReactI18next).init(i18nOptions(isLanguage(lang) ? lang : fallbackLanguage));
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();
