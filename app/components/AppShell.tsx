import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { keepTabInside } from "~/components/ui/keepTabInside";
import { useHydrated } from "~/components/ui/useHydrated";
import type { Permission } from "~/domain/permissions";
import type { Language } from "~/domain/types";
import type { Viewer } from "~/root";
import { LANGUAGE_PARAM, supportedLanguages } from "~/utils/i18n";

/** Any of these opens a settings page (app/routes/settings.*). */
const SETTINGS_PERMISSIONS: readonly Permission[] = [
  "organisation.update",
  "users.read",
  "tokens.manage",
  "securityLog.read",
  "organisation.read",
];

/** Header with navigation and the language switch; the page goes in between. */
export function AppShell({
  lang,
  viewer,
  children,
}: {
  lang: Language;
  viewer: Viewer | null;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const menu = usePhoneMenu();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white" onKeyDown={menu.onKeyDown}>
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Link to="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <span
              aria-hidden
              className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-sm text-white"
            >
              ⌘
            </span>
            {t("app.name")}
          </Link>
          {menu.enabled ? (
            <button
              ref={menu.buttonRef}
              type="button"
              aria-expanded={menu.open}
              aria-controls="site-nav"
              onClick={() => menu.setOpen(!menu.open)}
              className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 lg:hidden"
              data-testid="menu-button"
            >
              <span aria-hidden>{menu.open ? "✕" : "☰"}</span>
              {menu.open ? t("mobile.closeMenu") : t("mobile.menu")}
            </button>
          ) : null}
          {/* On a phone the links fold behind the menu button once JavaScript runs; without it they stay shown. */}
          <nav
            id="site-nav"
            aria-label={t("app.name")}
            className={
              menu.enabled
                ? `${menu.open ? "flex" : "hidden"} w-full flex-col items-start gap-y-3 whitespace-nowrap border-t border-slate-200 pt-3 text-sm lg:flex lg:w-auto lg:flex-row lg:flex-wrap lg:items-center lg:gap-x-4 lg:gap-y-2 lg:border-0 lg:pt-0`
                : "flex flex-wrap items-center gap-x-4 gap-y-2 whitespace-nowrap text-sm"
            }
          >
            <NavLink
              to="/planner"
              className={({ isActive }) =>
                isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
              }
            >
              {t("app.nav.planner")}
            </NavLink>
            {viewer ? (
              <>
                <NavLink
                  to="/home"
                  className={({ isActive }) =>
                    isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                  }
                >
                  {t("nextSteps.nav")}
                </NavLink>
                <NavLink
                  to="/inbox"
                  aria-label={viewer.unread > 0 ? t("nextSteps.inbox.navUnread", { count: viewer.unread }) : undefined}
                  className={({ isActive }) =>
                    isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                  }
                  data-testid="inbox-link"
                >
                  {t("nextSteps.inbox.nav")}
                  {viewer.unread > 0 ? (
                    <span
                      className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white"
                      data-testid="unread-count"
                    >
                      {viewer.unread > 99 ? "99+" : viewer.unread}
                    </span>
                  ) : null}
                </NavLink>
                <NavLink
                  to="/org"
                  className={({ isActive }) =>
                    isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                  }
                >
                  {t("app.nav.organisation")}
                </NavLink>
                {viewer.permissions.includes("members.read") ? (
                  <NavLink
                    to="/team"
                    className={({ isActive }) =>
                      isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                    }
                  >
                    {t("app.nav.team")}
                  </NavLink>
                ) : null}
                {viewer.permissions.includes("training.overview") ? (
                  <NavLink
                    to="/training"
                    className={({ isActive }) =>
                      isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                    }
                  >
                    {t("training.nav")}
                  </NavLink>
                ) : null}
                {viewer.permissions.includes("hiring.read") ? (
                  <>
                    <NavLink
                      to="/hiring"
                      className={({ isActive }) =>
                        isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                      }
                    >
                      {t("hiring.nav.hiring")}
                    </NavLink>
                    <NavLink
                      to="/scenarios"
                      className={({ isActive }) =>
                        isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                      }
                    >
                      {t("hiring.nav.scenarios")}
                    </NavLink>
                  </>
                ) : null}
                {/* those who cannot read the hiring plan see the positions marked public */}
                {viewer.permissions.includes("hiring.publicPositions") &&
                !viewer.permissions.includes("hiring.positions") ? (
                  <NavLink
                    to="/hiring/open"
                    className={({ isActive }) =>
                      isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                    }
                  >
                    {t("hiringPublic.nav")}
                  </NavLink>
                ) : null}
                {viewer.permissions.includes("ownership.read") ? (
                  <NavLink
                    to="/ownership"
                    className={({ isActive }) =>
                      isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                    }
                  >
                    {t("ownership.title")}
                  </NavLink>
                ) : null}
                {viewer.permissions.includes("playbook.read") ? (
                  <NavLink
                    to="/playbook"
                    className={({ isActive }) =>
                      isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                    }
                  >
                    {t("playbook.nav.link")}
                  </NavLink>
                ) : null}
                {viewer.permissions.some((permission) => SETTINGS_PERMISSIONS.includes(permission)) ? (
                  <NavLink
                    to="/settings"
                    className={({ isActive }) =>
                      isActive ? "font-semibold text-indigo-700" : "text-slate-600 hover:text-slate-900"
                    }
                  >
                    {t("app.nav.settings")}
                  </NavLink>
                ) : null}
                <span className="hidden text-slate-500 md:inline" data-testid="viewer">
                  {viewer.name} · {t(`app.kind.${viewer.kind}`)}
                </span>
                <Form method="post" action="/logout">
                  <button
                    type="submit"
                    className="text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
                  >
                    {t("app.nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <NavLink to="/login" className="text-slate-600 hover:text-slate-900">
                  {t("app.nav.signIn")}
                </NavLink>
                <NavLink
                  to="/signup"
                  className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700"
                >
                  {t("app.nav.signUp")}
                </NavLink>
              </>
            )}
            <LanguageSwitch lang={lang} />
          </nav>
        </div>
      </header>
      {children}
    </>
  );
}

/**
 * The phone menu's state: closed after every navigation, Escape closes it and
 * gives focus back to its button, and while it is open Tab stays inside it.
 * Off until hydration, so that without JavaScript the links stay visible.
 */
function usePhoneMenu() {
  const enabled = useHydrated();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.key]);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!open) return;
    if (event.key === "Escape") {
      setOpen(false);
      buttonRef.current?.focus();
      return;
    }
    // open on a phone (its button shows): Tab goes round the button and the links, as in a dialog
    const button = buttonRef.current;
    const nav = document.getElementById("site-nav");
    if (button && nav && button.checkVisibility?.() !== false) keepTabInside(nav, event, button);
  };
  return { enabled, open, setOpen, buttonRef, onKeyDown };
}

/**
 * A POST form, so it works without JavaScript and no GET changes anything.
 * The current address goes along (minus any `lang` override) to come back to.
 */
function LanguageSwitch({ lang }: { lang: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete(LANGUAGE_PARAM);
  const search = params.toString();
  const redirectTo = `${location.pathname}${search ? `?${search}` : ""}`;
  return (
    <Form method="post" action="/language" className="flex items-center gap-1" aria-label={t("language.switchTo")}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {supportedLanguages.map((option) => (
        <button
          key={option}
          type="submit"
          name="lang"
          value={option}
          aria-pressed={option === lang}
          className={
            option === lang
              ? "rounded-md bg-slate-900 px-2 py-1 text-xs font-medium text-white"
              : "rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100"
          }
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </Form>
  );
}
