import type en from "@/lib/i18n/messages/en.json";
import type { LocalDate } from "./business-days";

// A flag's reason as data: a message key of the "reasons" namespace (lib/i18n/messages/*.json)
// and its parameters as plain JSON, so a renderer can word it in any language afterwards (the
// stored RiskFlag.reasonKey / reasonParams) and the English `reason` is rendered from the same
// messages (lib/policy/reason-render.ts). Values that a language formats its own way are typed
// objects, not preformatted text: instants with their zone, money as minor units + currency,
// durations in milliseconds.

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the "reasons" namespace, relative to it ("dispatch.dueSoon"): a key missing from en.json is a type error. */
export type ReasonKey = Leaves<(typeof en)["reasons"]>;

export type ReasonValue =
  | string
  | number
  | boolean
  | null
  /** An instant, shown in `zone` with the zone named; `year` when it lies outside the year of the flag's "now". */
  | { type: "instant"; at: string; zone: string; year?: boolean }
  /** A calendar date (YYYY-MM-DD) in a market's zone. */
  | { type: "date"; date: LocalDate }
  /** Integer minor units of an ISO 4217 currency. */
  | { type: "money"; minor: number; currency: string }
  /** Basis points (1/100 of a percent), shown with one decimal. */
  | { type: "percent"; bp: number }
  /** "5 h", "2 d 3 h" (the "duration" namespace). */
  | { type: "duration"; ms: number }
  /** "5 h left" / "overdue by 3 h": ms from the flag's "now" to the deadline, negative once passed. */
  | { type: "timeLeft"; ms: number }
  | { type: "list"; items: ReasonValue[]; separator?: "comma" | "semicolon" }
  /** Another reason message, rendered in the same language (an upcoming rule's own reason). */
  | { type: "message"; key: ReasonKey; params: ReasonParams };

export type ReasonParams = { [name: string]: ReasonValue };

export type ReasonMessage = { key: ReasonKey; params: ReasonParams };

/** A key of the "policy" namespace (the policy calendar's words), relative to it. */
export type PolicyKey = Leaves<(typeof en)["policy"]>;

/** A text of the policy calendar with its parameters (a threshold), worded like reasons. */
export type PolicyMessage = { key: PolicyKey; params: ReasonParams };

export function reasonMessage(key: ReasonKey, params: ReasonParams = {}): ReasonMessage {
  return { key, params };
}

export function dateParam(date: LocalDate): ReasonValue {
  return { type: "date", date };
}

export function moneyParam(minor: number, currency: string): ReasonValue {
  return { type: "money", minor, currency };
}

export function percentParam(bp: number): ReasonValue {
  return { type: "percent", bp };
}

export function durationParam(ms: number): ReasonValue {
  return { type: "duration", ms };
}

export function timeLeftParam(deadline: Date, now: Date): ReasonValue {
  return { type: "timeLeft", ms: deadline.getTime() - now.getTime() };
}

export function listParam(items: readonly ReasonValue[], separator: "comma" | "semicolon" = "comma"): ReasonValue {
  return separator === "comma" ? { type: "list", items: [...items] } : { type: "list", items: [...items], separator };
}

export function messageParam(message: ReasonMessage): ReasonValue {
  return { type: "message", key: message.key, params: message.params };
}
