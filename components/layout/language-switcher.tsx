"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveLocaleAction } from "@/lib/actions/account";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";

/** What the closed switcher shows: short enough for the header at phone width. */
const SHORT: Record<Locale, string> = { en: "EN", nl: "NL", "zh-CN": "中文" };

/**
 * The shell's language menu: a native select (keyboard, screen readers and phones know it) drawn
 * as a small globe and the language's short name. It writes the user's own choice (User.locale,
 * the same field as /account; "" = follow the browser) and re-renders the page in it.
 */
export function LanguageSwitcher({ choice }: { choice: Locale | null }) {
  const t = useTranslations("shell.language");
  const tc = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [failed, setFailed] = useState<string | null>(null);

  function change(value: string) {
    setFailed(null);
    start(async () => {
      const result = await saveLocaleAction({ locale: value });
      if (result.ok) router.refresh();
      else setFailed(result.message);
    });
  }

  return (
    <div className="relative flex shrink-0 items-center" data-testid="language-switcher">
      <span
        aria-hidden
        className="pointer-events-none flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-200 ring-inset"
      >
        <Languages className="size-3.5" />
        {SHORT[locale]}
      </span>
      <select
        aria-label={tc("language")}
        title={pending ? tc("loading") : tc("language")}
        aria-busy={pending}
        value={choice ?? ""}
        disabled={pending}
        onChange={(e) => change(e.target.value)}
        className="absolute inset-0 cursor-pointer opacity-0 disabled:cursor-wait"
      >
        <option value="">{t("followBrowser")}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {failed ? (
        <span role="alert" className="absolute top-full right-0 mt-1 w-48 rounded-md bg-rose-50 px-2 py-1 text-xs text-rose-800 shadow">
          {failed}
        </span>
      ) : null}
    </div>
  );
}
