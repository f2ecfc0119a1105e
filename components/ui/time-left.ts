import { useTranslations } from "next-intl";

// A countdown's words in the viewer's language ("5 h left", "nog 5 u", "剩余5小时"): the same
// coarse steps as lib/policy/duration.ts (which stays the engine's English), for server and client
// components alike (no directive: next-intl's hook works in both).

export type TimeLeftFormatter = (deadline: Date, now: Date) => string;

export function useTimeLeft(): TimeLeftFormatter {
  const t = useTranslations("common.countdown");
  return (deadline, now) => {
    const ms = deadline.getTime() - now.getTime();
    const minutes = Math.floor(Math.abs(ms) / 60_000);
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    const duration =
      days >= 1
        ? hours % 24
          ? t("daysHours", { days, hours: hours % 24 })
          : t("days", { days })
        : hours >= 1
          ? t("hours", { hours })
          : t("minutes", { minutes });
    return ms >= 0 ? t("left", { duration }) : t("overdue", { duration });
  };
}
