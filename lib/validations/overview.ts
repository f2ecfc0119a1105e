import { DateTime } from "luxon";
import { z } from "zod";
import { MAX_YEAR, MIN_YEAR } from "./safe-input";

// The overview's URL: ?period=7|30|90|custom&from=YYYY-MM-DD&to=YYYY-MM-DD&store=<id>.
// A bad value never breaks the page: it falls back to the last 30 days and says why.

export const PERIODS = ["7", "30", "90", "custom"] as const;
export type Period = (typeof PERIODS)[number];

/** Custom ranges longer than this would make the daily charts unreadable and the queries slow. */
export const MAX_CUSTOM_DAYS = 366;

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-01.");

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const overviewParamsSchema = z.object({
  period: z.preprocess(first, z.enum(PERIODS).optional()),
  from: z.preprocess(first, localDate.optional()),
  to: z.preprocess(first, localDate.optional()),
  // An id as ids look: a NUL byte or other oddity must not reach PostgreSQL.
  store: z.preprocess(
    first,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  ),
});

export type OverviewParams = z.infer<typeof overviewParamsSchema>;

export type ResolvedPeriod = {
  period: Period;
  /** Instants [from, to). */
  from: Date;
  to: Date;
  /** The local dates shown to the user (inclusive), in `timeZone`. */
  fromDate: string;
  toDate: string;
  timeZone: string;
  /** Why the requested range was not used, if it was not (English; the screen words it from `noticeCode`). */
  notice: string | null;
  noticeCode?: PeriodNoticeCode | null;
  noticeDetail?: { min?: number; max?: number; days?: number };
};

export type PeriodNoticeCode = "unreadable" | "incomplete" | "reversed" | "years" | "tooLong";

/**
 * Turns the URL's period into instants. Rolling periods end now; a custom range runs from the
 * start of `from` to the end of `to`, both as local dates in `timeZone` (the selected store's
 * zone, or UTC across stores).
 */
export function resolvePeriod(raw: Record<string, unknown>, now: Date, timeZone: string): ResolvedPeriod & { store: string | undefined } {
  const parsed = overviewParamsSchema.safeParse(raw);
  const params: OverviewParams = parsed.success ? parsed.data : {};
  const store = params.store;
  const rolling = (days: number, notice: string | null, noticeCode: PeriodNoticeCode | null = null, noticeDetail?: ResolvedPeriod["noticeDetail"]) => {
    const to = now;
    const from = new Date(now.getTime() - days * 86_400_000);
    return {
      period: String(days) as Period,
      from,
      to,
      fromDate: DateTime.fromJSDate(from, { zone: timeZone }).toISODate() ?? "",
      toDate: DateTime.fromJSDate(to, { zone: timeZone }).toISODate() ?? "",
      timeZone,
      notice,
      noticeCode,
      ...(noticeDetail ? { noticeDetail } : {}),
      store,
    };
  };
  if (!parsed.success) return rolling(30, "Some filters in the address were not understood; showing the last 30 days.", "unreadable");
  if (params.period !== "custom") return rolling(Number(params.period ?? "30"), null);

  const start = params.from ? DateTime.fromISO(params.from, { zone: timeZone }) : null;
  const end = params.to ? DateTime.fromISO(params.to, { zone: timeZone }) : null;
  if (!start?.isValid || !end?.isValid) return rolling(30, "Choose both a start and an end date for a custom range; showing the last 30 days.", "incomplete");
  if (end < start) return rolling(30, "The end date is before the start date; showing the last 30 days.", "reversed");
  if (start.year < MIN_YEAR || end.year > MAX_YEAR)
    return rolling(30, `Dates must fall between ${MIN_YEAR} and ${MAX_YEAR}; showing the last 30 days.`, "years", {
      min: MIN_YEAR,
      max: MAX_YEAR,
    });
  const days = end.diff(start, "days").days + 1;
  if (days > MAX_CUSTOM_DAYS)
    return rolling(30, `A custom range can span at most ${MAX_CUSTOM_DAYS} days; showing the last 30 days.`, "tooLong", {
      days: MAX_CUSTOM_DAYS,
    });
  return {
    period: "custom",
    from: start.startOf("day").toJSDate(),
    to: end.plus({ days: 1 }).startOf("day").toJSDate(),
    fromDate: start.toISODate() ?? params.from ?? "",
    toDate: end.toISODate() ?? params.to ?? "",
    timeZone,
    notice: null,
    store,
  };
}
