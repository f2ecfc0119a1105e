import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";
import { AppError } from "@/lib/errors";
import { Channel, OrderStatus } from "@/lib/generated/prisma/enums";
// The types module only: the rule engine itself (holidays, time zones) must not reach the browser.
import { RULE_IDS } from "@/lib/policy/types";
import { isSaneInstant, plainText, SANE_YEAR_MESSAGE } from "./safe-input";

/**
 * The orders list's query, shared by the page (URL search params), the client list and the JSON
 * and CSV routes, so a shared link, the table and the export always mean the same rows.
 *
 * `from`/`to` take a calendar date (YYYY-MM-DD) or an ISO instant with a zone. A date is read as
 * a whole UTC day and both ends are inclusive: from=2026-03-01&to=2026-03-31 is March in UTC.
 * An instant is used as is (both ends inclusive).
 */

export const ORDER_SORT_KEYS = ["placedAt", "dispatchDueAt", "total", "status", "externalId"] as const;
export type OrderSortKey = (typeof ORDER_SORT_KEYS)[number];
export const ORDER_SORTS = ORDER_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
export type OrderSort = OrderSortKey | `-${OrderSortKey}`;

export const ANY_FLAG = "any";
/** `supplier=unassigned`: orders no rule or person has given a supplier yet. */
export const UNASSIGNED = "unassigned";
export const DEFAULT_SORT: OrderSort = "-placedAt";
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const ORDER_STATUSES = Object.values(OrderStatus);
export const CHANNELS = Object.values(Channel);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** An id as a client may send it: anything longer or stranger is refused before it reaches SQL. */
const idParam = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("common.expectedId"));

function dateBound(end: "from" | "to") {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (DATE_ONLY.test(value)) {
        const day = new Date(`${value}T00:00:00.000Z`);
        if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
          ctx.addIssue({ code: "custom", message: errorMessage("orders.notCalendarDate") });
          return z.NEVER;
        }
        if (!isSaneInstant(day)) {
          ctx.addIssue({ code: "custom", message: SANE_YEAR_MESSAGE });
          return z.NEVER;
        }
        // A date's upper bound is the start of the next UTC day, exclusive.
        return { raw: value, instant: end === "from" ? day : new Date(day.getTime() + DAY_MS) };
      }
      const parsed = z.iso.datetime({ offset: true }).safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: errorMessage("orders.dateOrInstant") });
        return z.NEVER;
      }
      const instant = new Date(value);
      if (!isSaneInstant(instant)) {
        ctx.addIssue({ code: "custom", message: SANE_YEAR_MESSAGE });
        return z.NEVER;
      }
      // An instant's upper bound is inclusive: one millisecond past it, exclusive.
      return { raw: value, instant: end === "from" ? instant : new Date(instant.getTime() + 1) };
    });
}

function positiveInt(min: number, max: number, fallback: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, errorMessage("common.wholeNumber"))
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, errorMessage("common.atLeast", { min: String(min) }))
        .max(max, errorMessage("common.atMost", { max: String(max) })),
    )
    .optional()
    .transform((v) => v ?? fallback);
}

export const orderQuerySchema = z
  .object({
    channel: z.enum(CHANNELS, { message: errorMessage("common.expectedOneOf", { values: CHANNELS.join(", ") }) }).optional(),
    store: idParam.optional(),
    status: z
      .string()
      .transform((v) => [
        ...new Set(
          v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(z.enum(ORDER_STATUSES, { message: errorMessage("orders.expectedStatuses", { values: ORDER_STATUSES.join(", ") }) }))
          .min(1, errorMessage("orders.atLeastOneStatus")),
      )
      .optional(),
    rule: z.enum([ANY_FLAG, ...RULE_IDS], { message: errorMessage("orders.expectedRule", { any: ANY_FLAG }) }).optional(),
    supplier: idParam.optional(),
    from: dateBound("from").optional(),
    to: dateBound("to").optional(),
    q: plainText(100)
      .transform((v) => v || undefined)
      .optional(),
    page: positiveInt(1, 100_000, 1),
    pageSize: positiveInt(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    sort: z
      .enum(ORDER_SORTS, { message: errorMessage("common.expectedOneOf", { values: ORDER_SORTS.join(", ") }) })
      .optional()
      .transform((v): OrderSort => v ?? DEFAULT_SORT),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from.instant.getTime() >= q.to.instant.getTime()) {
      ctx.addIssue({ code: "custom", path: ["to"], message: errorMessage("orders.toBeforeFrom") });
    }
  });

export type OrderQuery = z.output<typeof orderQuerySchema>;
export type QueryIssue = { param: string; message: string };
export type ParsedOrderQuery = { success: true; data: OrderQuery } | { success: false; issues: QueryIssue[] };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

const PARAMS = ["channel", "store", "status", "rule", "supplier", "from", "to", "q", "page", "pageSize", "sort"] as const;

/** The known parameters as single strings; a repeated status is merged, other repeats take the first. */
function flatten(raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PARAMS) {
    const values = raw instanceof URLSearchParams ? raw.getAll(name) : [raw[name]].flat().filter((v): v is string => typeof v === "string");
    // An empty parameter (?channel=) is how a cleared filter looks in a URL: treat it as absent.
    const present = values.filter((v) => v.trim() !== "");
    if (present.length === 0) continue;
    out[name] = name === "status" ? present.join(",") : (present[0] as string);
  }
  return out;
}

export function parseOrderQuery(raw: RawParams): ParsedOrderQuery {
  const result = orderQuerySchema.safeParse(flatten(raw));
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues.map((i) => ({ param: String(i.path[0] ?? "query"), message: i.message })) };
}

/** Route handlers: the parsed query, or a 400 naming each bad parameter. */
export function requireOrderQuery(raw: RawParams): OrderQuery {
  const parsed = parseOrderQuery(raw);
  if (parsed.success) return parsed.data;
  const names = [...new Set(parsed.issues.map((i) => i.param))].join(", ");
  throw new AppError("BAD_REQUEST", `Invalid query parameter${names.includes(",") ? "s" : ""}: ${names}`, { issues: parsed.issues });
}

/** The query as URL parameters, defaults left out, so equal filters give equal URLs (and cache keys). */
export function orderQueryToParams(query: OrderQuery, options: { paging?: boolean } = {}): URLSearchParams {
  const p = new URLSearchParams();
  if (query.channel) p.set("channel", query.channel);
  if (query.store) p.set("store", query.store);
  if (query.status?.length) p.set("status", query.status.join(","));
  if (query.rule) p.set("rule", query.rule);
  if (query.supplier) p.set("supplier", query.supplier);
  if (query.from) p.set("from", query.from.raw);
  if (query.to) p.set("to", query.to.raw);
  if (query.q) p.set("q", query.q);
  if (query.sort !== DEFAULT_SORT) p.set("sort", query.sort);
  if (options.paging !== false) {
    if (query.page !== 1) p.set("page", String(query.page));
    if (query.pageSize !== DEFAULT_PAGE_SIZE) p.set("pageSize", String(query.pageSize));
  }
  return p;
}

export function parseSort(sort: OrderSort): { key: OrderSortKey; descending: boolean } {
  return sort.startsWith("-") ? { key: sort.slice(1) as OrderSortKey, descending: true } : { key: sort as OrderSortKey, descending: false };
}

/** The default query (no filters, first page). */
export const EMPTY_ORDER_QUERY: OrderQuery = { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: DEFAULT_SORT };
