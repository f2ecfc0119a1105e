import { useTranslations } from "next-intl";
import type { createTranslator } from "next-intl";
import type { Messages } from "@/lib/i18n/messages";
import { timeLeft } from "@/lib/policy/duration";

/** The `ui` namespace's translator: `await getTranslations("ui")` on the server, `useTranslations("ui")` in the browser. */
export type UiTranslator = ReturnType<typeof createTranslator<Messages, "ui">>;

/** "5 h", "2 d 3 h", "40 min" in the viewer's language — coarse on purpose, like formatDuration. */
export function durationIn(t: UiTranslator, ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days >= 1) return hours % 24 ? t("duration.daysHours", { days, hours: hours % 24 }) : t("duration.days", { days });
  if (hours >= 1) return t("duration.hours", { hours });
  return t("duration.minutes", { minutes });
}

/** "5 h left" or "overdue by 3 h" in the viewer's language: formatTimeLeft (lib/policy/duration.ts) for screens. */
export function timeLeftIn(t: UiTranslator, deadline: Date, now: Date): string {
  const ms = timeLeft(deadline, now);
  return ms >= 0 ? t("timeLeft.left", { duration: durationIn(t, ms) }) : t("timeLeft.overdue", { duration: durationIn(t, ms) });
}

export type TimeLeftFormatter = (deadline: Date, now: Date) => string;

/** timeLeftIn for a component: "5 h left", "nog 5 u", "剩余5小时" in the viewer's language (server or client). */
export function useTimeLeft(): TimeLeftFormatter {
  const t = useTranslations("ui");
  return (deadline, now) => timeLeftIn(t, deadline, now);
}
