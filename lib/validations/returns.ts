import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";
import { ReturnJustification, ReturnReason, ReturnStatus } from "@/lib/generated/prisma/enums";

const idParam = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("common.expectedId"));

export const RETURN_STATUSES = Object.values(ReturnStatus);
export const RETURN_REASONS = Object.values(ReturnReason);
export const RETURN_JUSTIFICATIONS = Object.values(ReturnJustification);

// Policy (returns, from 2026-01-15): a change-of-mind return may be refused only for one of these.
// "Other" is not among them: it names no fact the platform could check, so a refusal "for other
// reasons" is treated like no justification at all (lib/policy/returns.ts flags it).
export const LEGITIMATE_JUSTIFICATIONS = ["ITEM_USED_OR_DAMAGED", "PARTS_MISSING", "OUTSIDE_RETURN_WINDOW", "NON_RETURNABLE_CATEGORY"] as const;

export const REASON_LABEL: Record<ReturnReason, string> = {
  CHANGE_OF_MIND: "Change of mind",
  DAMAGED: "Damaged",
  NOT_AS_DESCRIBED: "Not as described",
  WRONG_ITEM: "Wrong item",
  MISSING_ITEM: "Missing item",
  OTHER: "Other",
};

export const STATUS_LABEL: Record<ReturnStatus, string> = { PENDING: "Waiting for you", APPROVED: "Approved", REFUSED: "Refused" };

export const JUSTIFICATION_LABEL: Record<ReturnJustification, string> = {
  ITEM_USED_OR_DAMAGED: "Item used or damaged by the buyer",
  PARTS_MISSING: "Parts missing",
  OUTSIDE_RETURN_WINDOW: "Outside the return window",
  NON_RETURNABLE_CATEGORY: "Non-returnable category (hygiene, custom-made…)",
  OTHER: "Other (explain in the note)",
};

// ---------------------------------------------------------------------------------------------
// The /returns list's URL

export const returnQuerySchema = z.object({
  status: z.enum(RETURN_STATUSES, { message: errorMessage("common.expectedOneOf", { values: RETURN_STATUSES.join(", ") }) }).optional(),
  reason: z.enum(RETURN_REASONS, { message: errorMessage("common.expectedOneOf", { values: RETURN_REASONS.join(", ") }) }).optional(),
  store: idParam.optional(),
});
export type ReturnQuery = z.output<typeof returnQuerySchema>;

/** The page's filters from its search params; a bad value is dropped (the page shows all) rather than failing. */
export function readReturnQuery(raw: Record<string, string | string[] | undefined>): ReturnQuery {
  const pick = (name: string) => {
    const v = raw[name];
    const s = Array.isArray(v) ? v[0] : v;
    return s && s.trim() ? s.trim() : undefined;
  };
  const out: ReturnQuery = {};
  for (const key of ["status", "reason", "store"] as const) {
    const single = returnQuerySchema.shape[key].safeParse(pick(key));
    if (single.success && single.data) (out as Record<string, string>)[key] = single.data;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The decision form

export const decisionSchema = z
  .object({
    returnId: idParam,
    decision: z.enum(["APPROVE", "REFUSE"], { message: errorMessage("returns.chooseDecision") }),
    justification: z
      .enum(RETURN_JUSTIFICATIONS, { message: errorMessage("returns.chooseJustification") })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    note: z
      .string()
      .trim()
      .max(500, errorMessage("common.atMostChars", { max: "500" }))
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "REFUSE") return;
    if (!v.justification) ctx.addIssue({ code: "custom", path: ["justification"], message: errorMessage("returns.refuseWhy") });
    else if (v.justification === "OTHER" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: errorMessage("returns.explainNote") });
  });
export type DecisionInput = z.input<typeof decisionSchema>;
export type Decision = z.output<typeof decisionSchema>;

/**
 * The rule that needs the return's own reason (which the server reads from the database, never
 * from the form): a change-of-mind return is refused only with a legitimate justification.
 * Returns the field errors, empty when the decision may be saved.
 */
export function checkDecisionForReason(decision: Pick<Decision, "decision" | "justification">, reason: ReturnReason): Record<string, string> {
  if (decision.decision !== "REFUSE" || reason !== "CHANGE_OF_MIND") return {};
  if (!decision.justification) return { justification: errorMessage("returns.changeOfMindJustify") };
  if (!(LEGITIMATE_JUSTIFICATIONS as readonly string[]).includes(decision.justification)) {
    return {
      justification: errorMessage("returns.otherNotJustified"),
    };
  }
  return {};
}

/** Form-side check: the schema's field errors plus the reason rule, first message per field. */
export function validateDecision(
  input: DecisionInput,
  reason: ReturnReason,
): { ok: true; data: Decision } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const reasonErrors = checkDecisionForReason(parsed.data, reason);
  if (Object.keys(reasonErrors).length) return { ok: false, fieldErrors: reasonErrors };
  return { ok: true, data: parsed.data };
}
