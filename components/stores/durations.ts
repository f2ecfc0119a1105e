import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { numberFormat } from "@/lib/format";
import { numberLocale } from "@/lib/i18n/intl-locale";

/**
 * Hours and days in the viewer's language: "31.2 h" under two days, else "2.6 days" (as
 * formatHours/formatDays in components/overview/kpi-format.ts, with the unit words translated).
 */
export async function getDurationFormat() {
  const [t, locale] = await Promise.all([getTranslations("stores.units"), getLocale()]);
  const n = (value: number) => numberFormat(numberLocale(locale), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
  const days = (value: number | null) => (value === null || !Number.isFinite(value) ? "—" : t("days", { value: n(value) }));
  const hours = (value: number | null) => {
    if (value === null || !Number.isFinite(value)) return "—";
    return value < 48 ? t("hours", { value: n(value) }) : days(value / 24);
  };
  return { hours, days, locale: numberLocale(locale) };
}
