import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export const meta: MetaFunction = () => [{ title: "Cross-border Team Planner · 跨境团队规划" }];

export default function Home() {
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-16 sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">{t("app.tagline")}</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">{t("home.title")}</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-600">{t("home.intro")}</p>
      <Link
        to="/planner?model=platform&stage=startup"
        className="mt-8 inline-block rounded-lg bg-indigo-600 px-5 py-3 font-semibold text-white shadow-sm hover:bg-indigo-700"
      >
        {t("home.cta")}
      </Link>
      <ul className="mt-12 grid gap-4 sm:grid-cols-3">
        {(["hire", "gaps", "owns"] as const).map((key) => (
          <li key={key} className="rounded-xl border border-slate-200 bg-white p-5 text-slate-700 shadow-sm">
            {t(`home.questions.${key}`)}
          </li>
        ))}
      </ul>
      <section className="mt-12 text-sm text-slate-600">
        <h2 className="font-semibold text-slate-800">{t("home.apiTitle")}</h2>
        <p className="mt-1">
          {t("home.apiText")}{" "}
          <code className="rounded bg-slate-100 px-1.5 py-0.5">
            GET /api/v1/recommendation?model=b2b&amp;stage=growth&amp;lang=en
          </code>
        </p>
      </section>
    </main>
  );
}
