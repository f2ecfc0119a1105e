import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";
import { AppError } from "@/lib/errors";
// The tracking validator and the types module only: the rest of the rule engine (holidays, time
// zones) must not reach the browser, and these schemas run in the fix forms as you type.
import { CARRIERS, type TrackingResult, normaliseCarrierName, normaliseTrackingNumber, validateTracking } from "@/lib/policy/tracking";
import { RULE_IDS } from "@/lib/policy/types";

/** An id as a client may send it: anything longer or stranger is refused before it reaches SQL. */
const idParam = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("common.expectedId"));

// ---------------------------------------------------------------------------------------------
// GET /api/risk and the /risk page's URL

export const RISK_PAGE_SIZE = 50;

export const riskQuerySchema = z.object({
  store: idParam.optional(),
  rule: z.enum(RULE_IDS, { message: errorMessage("risk.expectedRule") }).optional(),
  page: z
    .string()
    .trim()
    .regex(/^\d+$/, errorMessage("common.wholeNumber"))
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, errorMessage("common.atLeast", { min: "1" }))
        .max(10_000, errorMessage("common.atMost", { max: "10000" })),
    )
    .optional()
    .transform((v) => v ?? 1),
});

export type RiskQuery = z.output<typeof riskQuerySchema>;
export type QueryIssue = { param: string; message: string };

const PARAMS = ["store", "rule", "page"] as const;
type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function flatten(raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PARAMS) {
    const values = raw instanceof URLSearchParams ? raw.getAll(name) : [raw[name]].flat().filter((v): v is string => typeof v === "string");
    // An empty parameter (?rule=) is how a cleared filter looks in a URL: treat it as absent.
    const first = values.find((v) => v.trim() !== "");
    if (first !== undefined) out[name] = first;
  }
  return out;
}

export function parseRiskQuery(raw: RawParams): { success: true; data: RiskQuery } | { success: false; issues: QueryIssue[] } {
  const result = riskQuerySchema.safeParse(flatten(raw));
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues.map((i) => ({ param: String(i.path[0] ?? "query"), message: i.message })) };
}

/** Route handlers: the parsed query, or a 400 naming each bad parameter. */
export function requireRiskQuery(raw: RawParams): RiskQuery {
  const parsed = parseRiskQuery(raw);
  if (parsed.success) return parsed.data;
  const names = [...new Set(parsed.issues.map((i) => i.param))].join(", ");
  throw new AppError("BAD_REQUEST", `Invalid query parameter${names.includes(",") ? "s" : ""}: ${names}`, { issues: parsed.issues });
}

export function riskQueryToParams(query: Partial<RiskQuery>): URLSearchParams {
  const p = new URLSearchParams();
  if (query.rule) p.set("rule", query.rule);
  if (query.store) p.set("store", query.store);
  if (query.page && query.page !== 1) p.set("page", String(query.page));
  return p;
}

// ---------------------------------------------------------------------------------------------
// Tracking fixes

export { CARRIERS };

/**
 * What the form says under the tracking field as you type, and what the server refuses with.
 * "mismatch" is its own message because the fix is different: pick the other carrier.
 */
export function describeTracking(result: TrackingResult): string {
  if (result.status === "mismatch") return `${result.reason} — choose ${result.carrier ?? "the right carrier"} or check the number`;
  return result.reason;
}

export const carrierField = z
  .string()
  .trim()
  .min(1, errorMessage("risk.chooseCarrier"))
  .max(60, errorMessage("common.atMostChars", { max: "60" }))
  .transform((value, ctx) => {
    const carrier = normaliseCarrierName(value);
    if (!carrier) {
      ctx.addIssue({ code: "custom", message: errorMessage("risk.unknownCarrier", { carrier: value }) });
      return z.NEVER;
    }
    return carrier;
  });

const trackingField = z
  .string()
  .trim()
  .min(1, errorMessage("risk.enterTracking"))
  .max(40, errorMessage("common.atMostChars", { max: "40" }));

/** Checks the number against the named carrier's formats; an issue lands on `trackingNumber`. */
function refineTracking(value: { carrier: string; trackingNumber: string }, ctx: z.RefinementCtx) {
  const result = validateTracking(value.trackingNumber, value.carrier);
  if (!result.valid) ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: describeTracking(result) });
}

export const trackingFixSchema = z
  .object({ orderId: idParam, carrier: carrierField, trackingNumber: trackingField })
  .superRefine(refineTracking)
  .transform((v) => ({ ...v, trackingNumber: normaliseTrackingNumber(v.trackingNumber) }));
export type TrackingFixInput = z.input<typeof trackingFixSchema>;

export const SETTABLE_LABEL_SOURCES = ["TIKTOK_SHIPPING", "SELLER"] as const;

export const labelSourceSchema = z.object({
  orderId: idParam,
  labelSource: z.enum(SETTABLE_LABEL_SOURCES, { message: errorMessage("risk.chooseLabelSource") }),
});
export type LabelSourceInput = z.input<typeof labelSourceSchema>;

// ---------------------------------------------------------------------------------------------
// Bulk paste: "order id, carrier, tracking number" per line

export const MAX_PASTE_LINES = 500;

export type PasteLine = {
  line: number;
  orderRef: string;
  carrier: string;
  trackingNumber: string;
  /** Set when the line cannot be saved; the other fields are what was read. */
  error: string | null;
  /** The validator's words for a good number ("valid UPS number"). */
  note: string | null;
  /** What `error` says, as data: the server words it in the viewer's language (`error` stays English). */
  problem?: PasteProblem | null;
};

export type PasteProblem =
  | { code: "fields" }
  | { code: "unknownCarrier"; carrier: string }
  | { code: "mismatch"; reason: string }
  | { code: "invalid"; reason: string }
  | { code: "duplicateNumber"; line: number }
  | { code: "duplicateOrder"; order: string; line: number };

export const pasteSchema = z.object({
  text: z
    .string()
    .max(100_000, errorMessage("risk.pasteTooLong"))
    .refine((t) => t.trim().length > 0, errorMessage("risk.pasteEmpty")),
});

/** Splits a line on commas, tabs or semicolons (spreadsheets paste tabs). */
function splitLine(raw: string): string[] {
  const separator = raw.includes("\t") ? "\t" : raw.includes(",") ? "," : ";";
  return raw.split(separator).map((s) =>
    s
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim(),
  );
}

const HEADER = /^order/i;

/**
 * Reads and checks each line on its own: shape, carrier, number, and duplicates within the paste.
 * Whether the order exists is for the server to add (it needs the database).
 */
export function parseTrackingPaste(text: string): { lines: PasteLine[]; tooMany: boolean } {
  const rawLines = text.split(/\r?\n/);
  const lines: PasteLine[] = [];
  rawLines.forEach((raw, index) => {
    if (!raw.trim()) return;
    const line = index + 1;
    const parts = splitLine(raw);
    if (lines.length === 0 && HEADER.test(parts[0] ?? "") && /carrier/i.test(raw)) return; // a header row
    const [orderRef = "", carrier = "", trackingNumber = ""] = parts;
    const base = { line, orderRef, carrier, trackingNumber, note: null };
    if (parts.length !== 3 || !orderRef || !carrier || !trackingNumber) {
      lines.push({ ...base, error: "Expected 3 fields: order id, carrier, tracking number", problem: { code: "fields" } });
      return;
    }
    const canonical = normaliseCarrierName(carrier);
    if (!canonical) {
      lines.push({ ...base, error: `Unknown carrier "${carrier}"`, problem: { code: "unknownCarrier", carrier } });
      return;
    }
    const result = validateTracking(trackingNumber, canonical);
    if (!result.valid) {
      lines.push({
        ...base,
        carrier: canonical,
        error: result.status === "mismatch" ? `Carrier mismatch: ${result.reason}` : `Invalid number: ${result.reason}`,
        problem: { code: result.status === "mismatch" ? "mismatch" : "invalid", reason: result.reason },
      });
      return;
    }
    lines.push({ ...base, carrier: canonical, trackingNumber: result.normalised, note: result.reason, error: null });
  });

  // Duplicates within the paste: the same number on two lines, or two numbers for one order.
  const byNumber = new Map<string, number>();
  const byOrder = new Map<string, number>();
  for (const l of lines) {
    if (l.error) continue;
    const n = normaliseTrackingNumber(l.trackingNumber);
    const seenNumber = byNumber.get(n);
    const seenOrder = byOrder.get(l.orderRef);
    if (seenNumber !== undefined) {
      l.error = `Duplicate in this paste: the same number is on line ${seenNumber}`;
      l.problem = { code: "duplicateNumber", line: seenNumber };
    } else if (seenOrder !== undefined) {
      l.error = `Duplicate in this paste: order ${l.orderRef} is also on line ${seenOrder}`;
      l.problem = { code: "duplicateOrder", order: l.orderRef, line: seenOrder };
    } else {
      byNumber.set(n, l.line);
      byOrder.set(l.orderRef, l.line);
    }
  }
  return { lines: lines.slice(0, MAX_PASTE_LINES), tooMany: lines.length > MAX_PASTE_LINES };
}
