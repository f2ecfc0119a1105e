import { daysBetween, endOfLocalDay, localDateOf } from "./business-days";
import { dateParam, moneyParam, reasonMessage } from "./reason";
import { type StoreContext, type StoreRule, instantParam, makeFlag } from "./rule-kit";
import type { Flag, StoreProfileFacts } from "./types";

// Seed: $1,500 standard deposit per US cross-border store from 2025-12-15; earlier stores top up
// by 2026-01-14, after which (or at setup for newer stores) a shortfall restricts the store.

function shortfallOf({ store, settings }: StoreContext): number | null {
  if (store.depositMinor === null) return null;
  return settings.deposit.standardMinor - store.depositMinor;
}

/** Joined before the standard took effect; a store without a join date is treated as new. */
function joinedBeforeStandard({ store, settings }: StoreContext): boolean {
  return store.joinedAt !== null && localDateOf(store.market, store.joinedAt) < settings.deposit.standardFrom;
}

export function topUpDeadline(ctx: StoreContext): Date {
  return endOfLocalDay(ctx.store.market, ctx.settings.deposit.topUpBy);
}

export function checkDepositTopUp(ctx: StoreContext): Flag[] {
  const { store, now, settings } = ctx;
  const d = settings.deposit;
  if (!joinedBeforeStandard(ctx)) return [];
  const due = topUpDeadline(ctx);
  if (now.getTime() > due.getTime()) return [];
  const shortfall = shortfallOf(ctx);
  const evidence = [
    { field: "depositMinor", value: store.depositMinor },
    { field: "standardMinor", value: d.standardMinor },
    { field: "joinedAt", value: store.joinedAt?.toISOString() ?? null },
  ];
  if (shortfall === null) {
    return [
      makeFlag(
        "deposit.topup_due",
        "info",
        due,
        reasonMessage("deposit.unknown", { standard: moneyParam(d.standardMinor, d.currency), deadline: instantParam(store.market, due, now) }),
        evidence,
      ),
    ];
  }
  if (shortfall <= 0) return [];
  const daysLeft = daysBetween(localDateOf(store.market, now), d.topUpBy);
  // Severity rises as the date nears (spec): info, then warning, then critical.
  const severity = daysLeft <= d.criticalDays ? "critical" : daysLeft <= d.warningDays ? "warning" : "info";
  return [
    makeFlag(
      "deposit.topup_due",
      severity,
      due,
      reasonMessage("deposit.topUp", {
        shortfall: moneyParam(shortfall, d.currency),
        standard: moneyParam(d.standardMinor, d.currency),
        deadline: instantParam(store.market, due, now),
        daysLeft,
      }),
      evidence,
    ),
  ];
}

export function checkDepositShortfall(ctx: StoreContext): Flag[] {
  const { store, now, settings } = ctx;
  const d = settings.deposit;
  // Earlier stores are in their top-up grace period until the end of the top-up day.
  if (joinedBeforeStandard(ctx) && now.getTime() <= topUpDeadline(ctx).getTime()) return [];
  const shortfall = shortfallOf(ctx);
  if (shortfall === null || shortfall <= 0) return [];
  return [
    makeFlag(
      "deposit.shortfall",
      "critical",
      null,
      reasonMessage(joinedBeforeStandard(ctx) ? "deposit.shortfallAfterTopUp" : "deposit.shortfallAtSetup", {
        deposit: moneyParam(store.depositMinor ?? 0, d.currency),
        shortfall: moneyParam(shortfall, d.currency),
        standard: moneyParam(d.standardMinor, d.currency),
        date: dateParam(joinedBeforeStandard(ctx) ? d.topUpBy : d.standardFrom),
      }),
      [
        { field: "depositMinor", value: store.depositMinor },
        { field: "standardMinor", value: d.standardMinor },
      ],
    ),
  ];
}

/** Cash held in deposits across stores (US stores: USD) in minor units: a fixed cash-flow commitment. */
export function totalDeposits(stores: readonly Pick<StoreProfileFacts, "depositMinor">[]): number {
  let total = 0;
  for (const s of stores) total += s.depositMinor ?? 0;
  return total;
}

export const DEPOSIT_RULES: readonly StoreRule[] = [
  { id: "deposit.topup_due", check: checkDepositTopUp },
  { id: "deposit.shortfall", check: checkDepositShortfall },
];
