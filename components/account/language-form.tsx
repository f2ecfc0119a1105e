"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveLocaleAction } from "@/lib/actions/account";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";

/**
 * The user's own language, or none (the browser's decides; `browser` is what it decides now).
 * Saved, the page is drawn again in it.
 */
export function LanguageForm({ choice, browser }: { choice: Locale | null; browser: Locale }) {
  const t = useTranslations("account.language");
  const tc = useTranslations("common");
  const router = useRouter();
  const { result, onSubmit, pending, fieldError } = useFormAction(saveLocaleAction, { resetOnSuccess: false });
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t("title")}>
      <div className="sm:w-80">
        <Field label={tc("language")} htmlFor="account-locale" error={fieldError("locale")} hint={t("hint")}>
          <Select key={choice ?? ""} id="account-locale" name="locale" defaultValue={choice ?? ""} aria-invalid={Boolean(fieldError("locale"))}>
            <option value="">{t("followBrowser", { language: LOCALE_NAMES[browser] })}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : tc("save")}
        </Button>
        <FormMessage result={result} />
      </div>
    </form>
  );
}
