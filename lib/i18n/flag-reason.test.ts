import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import {
  type Flag,
  type ReasonMessage,
  evaluateCreatorVideos,
  evaluateInventory,
  evaluateOrder,
  evaluateReturn,
  evaluateSkuPrices,
  evaluateStore,
  evaluateSupplier,
  englishReason,
  mergeSettings,
  reasonMessage,
  validateTracking,
} from "@/lib/policy";
import { formatTimeLeftWith } from "@/lib/policy/duration";
import { BRAND, UK_LOCAL, US_LOCAL, US_XB, makeOrder, makeStoreProfile } from "@/lib/policy/test-fixtures";
import type { ReturnFacts, VideoFacts } from "@/lib/policy/types";
import { createTranslator } from "next-intl";
import { formatFlagReason } from "./flag-reason";
import { LOCALES, type Locale } from "./locales";
import en from "./messages/en.json";
import nl from "./messages/nl.json";
import zhCN from "./messages/zh-CN.json";

// Every flag reason the engine can word, in each language: the English is the stored `reason`
// rendered from the en messages, and Dutch and Chinese fill every parameter.

const at = (iso: string) => new Date(iso);
const H = 3_600_000;

// Wed 4 Mar 2026 10:00 PST → dispatch deadline Fri 6 Mar 23:59:59 PST (2026-03-07T07:59:59Z).
const placedAt = at("2026-03-04T18:00:00Z");
const order = (over: Parameters<typeof makeOrder>[0] = {}) => makeOrder({ placedAt, ...over });

const RETURN: ReturnFacts = {
  id: "r1",
  market: "US",
  channel: "TIKTOK_SHOP",
  reason: "CHANGE_OF_MIND",
  requestedAt: at("2026-01-20T18:00:00Z"),
  decision: "PENDING",
  respondedAt: null,
  refusalJustification: null,
};
const start = at("2026-02-02T18:00:00Z").getTime();
const video = (id: string, hoursAfter: number, over: Partial<VideoFacts> = {}): VideoFacts => ({
  id,
  postedAt: new Date(start + hoursAfter * H),
  format: "SHORT_VIDEO",
  hasProductLink: true,
  nonInteractive: true,
  ...over,
});
const four = [0, 24, 48, 72].map((h, i) => video(`n${i + 1}`, h));
const received = at("2026-03-02T00:00:00Z");
const supplier = (shipment: { outboundAt?: Date | null; deliveredAt?: Date | null }, nowH: number) =>
  evaluateSupplier(
    {
      id: "sup",
      name: "Acme",
      promisedOutboundHours: 48,
      promisedDeliveryDays: 7,
      shipments: [{ orderId: "o1", receivedAt: received, outboundAt: null, deliveredAt: null, ...shipment }],
    },
    new Date(received.getTime() + nowH * H),
  );
const storeAt = (over: Parameters<typeof makeStoreProfile>[0], now: string) => evaluateStore(makeStoreProfile(over), at(now));

/** Flags of every rule family, each scenario with the reason key it must produce. */
const SCENARIOS: { key: string; flags: () => Flag[] }[] = [
  { key: "dispatch.dueSoon", flags: () => evaluateOrder(order(), US_LOCAL, at("2026-03-06T20:00:00Z")) },
  {
    key: "dispatch.critical",
    flags: () =>
      evaluateOrder(order({ status: "AWAITING_COLLECTION", carrier: "UPS", trackingNumber: "1Z5R89390357567127" }), US_LOCAL, at("2026-03-07T03:00:00Z")),
  },
  { key: "dispatch.overdue", flags: () => evaluateOrder(order(), US_LOCAL, at("2026-03-08T12:00:00Z")) },
  {
    key: "dispatch.late",
    flags: () =>
      evaluateOrder(
        order({ status: "IN_TRANSIT", inTransitAt: at("2026-03-09T18:00:00Z"), carrier: "UPS", trackingNumber: "1Z5R89390357567127" }),
        US_LOCAL,
        at("2026-03-10T00:00:00Z"),
      ),
  },
  { key: "autoCancel.due", flags: () => evaluateOrder(order(), US_LOCAL, at("2026-03-10T12:00:00Z")) },
  { key: "autoCancel.passed", flags: () => evaluateOrder(order(), US_LOCAL, at("2026-03-16T12:00:00Z")) },
  { key: "overseas.shipFrom", flags: () => evaluateOrder(order({ shipFromCountry: "CN" }), US_LOCAL, at("2026-03-05T12:00:00Z")) },
  {
    key: "overseas.postedAbroad",
    flags: () =>
      evaluateOrder(
        order({ status: "IN_TRANSIT", inTransitAt: at("2026-03-05T12:00:00Z"), trackingNumber: "RB123456785CN" }),
        US_LOCAL,
        at("2026-03-05T13:00:00Z"),
      ),
  },
  {
    key: "label.uspsSellerBought",
    flags: () =>
      evaluateOrder(order({ carrier: "USPS", labelSource: "SELLER", trackingNumber: "9400111206206406260787" }), US_LOCAL, at("2026-03-05T12:00:00Z")),
  },
  {
    key: "label.uspsCheck",
    flags: () => evaluateOrder(order({ carrier: "USPS", trackingNumber: "9400111206206406260787" }), US_LOCAL, at("2026-03-05T12:00:00Z")),
  },
  {
    key: "tracking.missingShipped",
    flags: () => evaluateOrder(order({ status: "IN_TRANSIT", inTransitAt: at("2026-03-05T12:00:00Z") }), US_LOCAL, at("2026-03-05T13:00:00Z")),
  },
  { key: "tracking.missingAwaitingCollection", flags: () => evaluateOrder(order({ status: "AWAITING_COLLECTION" }), US_LOCAL, at("2026-03-05T12:00:00Z")) },
  { key: "tracking.invalid", flags: () => evaluateOrder(order({ trackingNumber: "hello" }), BRAND, at("2026-03-05T12:00:00Z")) },
  {
    key: "tracking.invalidForCarrier",
    flags: () => evaluateOrder(order({ carrier: "UPS", trackingNumber: "1Z5R89390357567128" }), US_LOCAL, at("2026-03-05T12:00:00Z")),
  },
  {
    key: "tracking.mismatch",
    flags: () => evaluateOrder(order({ carrier: "FedEx", trackingNumber: "1Z5R89390357567127" }), US_LOCAL, at("2026-03-05T12:00:00Z")),
  },
  {
    key: "tracking.oversizeOnly",
    flags: () => evaluateOrder(order({ carrier: "FedEx", shipFromCountry: "CN", trackingNumber: "041441760228964" }), US_XB, at("2026-03-05T12:00:00Z")),
  },
  {
    key: "tracking.notDesignated",
    flags: () => evaluateOrder(order({ carrier: "Acme Post", shipFromCountry: "CN", trackingNumber: "AB1234567" }), US_XB, at("2026-03-05T12:00:00Z")),
  },
  {
    key: "tracking.notApproved",
    flags: () => evaluateOrder(order({ carrier: "Acme Post", shipFromCountry: "GB", trackingNumber: "AB1234567" }), UK_LOCAL, at("2026-03-05T12:00:00Z")),
  },
  {
    key: "tracking.duplicate",
    flags: () =>
      evaluateOrder(order({ carrier: "UPS", trackingNumber: "1Z5R89390357567127" }), US_LOCAL, at("2026-03-05T12:00:00Z"), undefined, {
        duplicateOrderIds: ["5768001", "5768002"],
      }),
  },
  { key: "deposit.unknown", flags: () => storeAt({ joinedAt: at("2025-06-01T12:00:00Z"), depositMinor: null }, "2026-01-10T12:00:00Z") },
  { key: "deposit.topUp", flags: () => storeAt({ joinedAt: at("2025-06-01T12:00:00Z"), depositMinor: 50_000 }, "2026-01-13T12:00:00Z") },
  { key: "deposit.shortfallAfterTopUp", flags: () => storeAt({ joinedAt: at("2025-06-01T12:00:00Z"), depositMinor: 50_000 }, "2026-03-02T12:00:00Z") },
  { key: "deposit.shortfallAtSetup", flags: () => storeAt({ joinedAt: at("2026-01-20T12:00:00Z"), depositMinor: 0 }, "2026-03-02T12:00:00Z") },
  {
    key: "registration.tooYoungAtJoin",
    flags: () => storeAt({ businessRegisteredOn: "2025-12-01", joinedAt: at("2026-01-15T20:00:00Z") }, "2026-03-02T20:00:00Z"),
  },
  { key: "registration.tooYoung", flags: () => storeAt({ businessRegisteredOn: "2026-01-02", joinedAt: null }, "2026-03-02T20:00:00Z") },
  { key: "registration.licenceExpired", flags: () => storeAt({ licenceExpiresOn: "2026-02-28" }, "2026-03-02T20:00:00Z") },
  { key: "registration.licenceTooShort", flags: () => storeAt({ licenceExpiresOn: "2026-05-30" }, "2026-03-02T20:00:00Z") },
  { key: "registration.licenceExpiring", flags: () => storeAt({ licenceExpiresOn: "2026-06-30" }, "2026-03-02T20:00:00Z") },
  { key: "registration.individual", flags: () => storeAt({ entityType: "INDIVIDUAL" }, "2026-03-02T20:00:00Z") },
  { key: "registration.soleProprietorship", flags: () => storeAt({ entityType: "SOLE_PROPRIETORSHIP" }, "2026-03-02T20:00:00Z") },
  {
    key: "returns.refusedOther",
    flags: () =>
      evaluateReturn({ ...RETURN, decision: "REFUSED", respondedAt: at("2026-01-21T00:00:00Z"), refusalJustification: "OTHER" }, at("2026-01-22T00:00:00Z")),
  },
  {
    key: "returns.refusedUnjustified",
    flags: () => evaluateReturn({ ...RETURN, decision: "REFUSED", respondedAt: at("2026-01-21T00:00:00Z") }, at("2026-01-22T00:00:00Z")),
  },
  { key: "returns.answerBy", flags: () => evaluateReturn(RETURN, at("2026-01-21T00:00:00Z")) },
  { key: "returns.missed", flags: () => evaluateReturn(RETURN, at("2026-01-25T00:00:00Z")) },
  { key: "content.nearLimitBefore", flags: () => evaluateCreatorVideos({ id: "c1", market: "US", videos: four }, new Date(start + 73 * H)) },
  {
    key: "content.nearLimit",
    flags: () =>
      evaluateCreatorVideos({ id: "c1", market: "US", videos: [] }, new Date(start + 73 * H), mergeSettings({ content: { nonInteractiveLimit: 1 } })),
  },
  { key: "content.restricted", flags: () => evaluateCreatorVideos({ id: "c1", market: "US", videos: [...four, video("n5", 96)] }, new Date(start + 97 * H)) },
  {
    key: "content.linksDropped",
    flags: () => {
      const during = Array.from({ length: 9 }, (_, i) => video(`r${i + 1}`, 100 + i, { nonInteractive: false }));
      return evaluateCreatorVideos({ id: "c1", market: "US", videos: [...four, video("n5", 96), ...during] }, new Date(start + 120 * H));
    },
  },
  {
    key: "pricing.higher",
    flags: () => evaluateSkuPrices({ id: "k", currency: "USD", market: "US", tiktokPriceMinor: 5000, brandSitePriceMinor: 4777 }, at("2026-03-01T00:00:00Z")),
  },
  {
    key: "pricing.lower",
    flags: () => evaluateSkuPrices({ id: "k", currency: "GBP", market: "UK", tiktokPriceMinor: 1900, brandSitePriceMinor: 2999 }, at("2026-03-01T00:00:00Z")),
  },
  { key: "supplier.outboundLate", flags: () => supplier({ outboundAt: new Date(received.getTime() + 50 * H) }, 100) },
  { key: "supplier.outboundMissing", flags: () => supplier({}, 60) },
  {
    key: "supplier.deliveryLate",
    flags: () => supplier({ outboundAt: new Date(received.getTime() + 10 * H), deliveredAt: new Date(received.getTime() + 200 * H) }, 210),
  },
  { key: "supplier.deliveryMissing", flags: () => supplier({ outboundAt: new Date(received.getTime() + 10 * H) }, 200) },
  { key: "inventory.oversell", flags: () => evaluateInventory({ id: "i", available: 3, openDemand: 1500 }, at("2026-03-01T00:00:00Z")) },
  {
    key: "upcoming",
    flags: () =>
      evaluateOrder(
        makeOrder({ placedAt: at("2026-01-02T18:00:00Z") }),
        US_LOCAL,
        at("2026-01-05T18:00:00Z"),
        mergeSettings({ dispatch: { dueSoonHours: 48 } }),
      ),
  },
];

/** Reasons the engine has no flag for: worded by the flag writers and the queue (lib/flags, lib/data). */
const OUTSIDE_THE_ENGINE: ReasonMessage[] = [
  reasonMessage("connection.needsReauthorization", { store: "TikTok US", platform: "TikTok Shop", hasDetail: true, detail: "token revoked" }),
  reasonMessage("connection.refused", { store: "Site", platform: "Shopify", hasDetail: false, detail: "" }),
  reasonMessage("tracking.duplicateForSupplier"),
  reasonMessage("withNotes", {
    reason: "Open orders need 12 units",
    notes: {
      type: "list",
      separator: "semicolon",
      items: [
        { type: "message", key: "stockPush.pending", params: { store: "TikTok" } },
        { type: "message", key: "stockPush.failed", params: { store: "Site" } },
        { type: "message", key: "stockPush.failedWithMessage", params: { store: "Site", message: "429" } },
      ],
    },
  }),
];

/** Keys only a defensive branch can reach (validateTracking always names the other carrier). */
const UNREACHABLE = new Set(["tracking.mismatchUnknownCarrier"]);

const TRACKING_CHECKS: [string, string | null][] = [
  ["", "UPS"],
  ["1Z5R8939/0357567127", "UPS"],
  ["ZZZZZZZZZ", null],
  ["GR2951174", "DHL eCommerce"],
  ["12", "Acme Post"],
  ["1Z5R89390357567128", "UPS"],
  ["RB123456785ZZ", null],
  ["AB1234567", "Acme Post"],
  ["1Z5R89390357567127", "UPS"],
  ["RB123456785GB", "Royal Mail"],
  ["041441760228964", null],
  ["1Z5R89390357567127", "USPS"],
  ["1Z5R89390357567127", "Acme Post"],
  ["K1506235620", "USPS"],
  ["4201028200009261290113185417468510", null],
];

function keysIn(message: { key: string; params: unknown }, into: Set<string>): Set<string> {
  into.add(message.key);
  const walk = (v: unknown): void => {
    if (!v || typeof v !== "object") return;
    const o = v as { type?: string; key?: string; params?: unknown; items?: unknown[] };
    if (o.type === "message" && typeof o.key === "string") keysIn({ key: o.key, params: o.params }, into);
    if (o.type === "list") o.items?.forEach(walk);
  };
  Object.values(message.params as Record<string, unknown>).forEach(walk);
  return into;
}

function leaves(tree: unknown, prefix = ""): string[] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

function stored(flag: Flag) {
  // As the database gives it back: JSON, instants as ISO strings.
  return { reason: flag.reason, reasonKey: flag.message.key, reasonParams: JSON.parse(JSON.stringify(flag.message.params)) as unknown };
}

const scenarioFlag = (key: string): Flag => {
  const s = SCENARIOS.find((x) => x.key === key);
  const flag = s?.flags().find((f) => f.message.key === key);
  if (!flag)
    throw new Error(
      `scenario ${key} raised no flag with that key: ${s
        ?.flags()
        .map((f) => f.message.key)
        .join(", ")}`,
    );
  return flag;
};

describe("flag reasons as message keys", () => {
  it.each(SCENARIOS.map((s) => s.key))("%s: the engine raises it, and its English is the stored reason", (key) => {
    const flag = scenarioFlag(key);
    expect(englishReason(flag.message)).toBe(flag.reason);
    expect(formatFlagReason(stored(flag), "en")).toBe(flag.reason);
  });

  it("every reason key the engine and the flag writers can emit exists in all three languages, and every key is emitted", () => {
    const emitted = new Set<string>();
    for (const s of SCENARIOS) for (const f of s.flags()) keysIn(f.message, emitted);
    for (const m of OUTSIDE_THE_ENGINE) keysIn(m, emitted);
    for (const [number, carrier] of TRACKING_CHECKS) keysIn(validateTracking(number, carrier).detail, emitted);
    const all = leaves(en.reasons);
    for (const messages of [nl, zhCN]) expect(leaves(messages.reasons).sort()).toEqual([...all].sort());
    expect([...emitted].filter((k) => !all.includes(k))).toEqual([]);
    expect(all.filter((k) => !emitted.has(k) && !UNREACHABLE.has(k))).toEqual([]);
  });

  it.each(SCENARIOS.map((s) => s.key))("%s reads in Dutch and Chinese with every parameter filled", (key) => {
    const flag = scenarioFlag(key);
    for (const locale of ["nl", "zh-CN"] as const) {
      const text = formatFlagReason(stored(flag), locale);
      expect(text, `${key} ${locale}`).not.toBe(flag.reason);
      expect(text, `${key} ${locale}: ${text}`).not.toMatch(/[{}]|undefined|NaN|\[object/);
    }
  });

  it("names instants in the zone the rule's clock runs in, written the viewer's way", () => {
    const due = stored(scenarioFlag("dispatch.dueSoon"));
    expect(due.reason).toBe("Dispatch by Fri 6 Mar 23:59 PST — 11 h left.");
    expect(due.reasonParams).toEqual({
      deadline: { type: "instant", at: "2026-03-07T07:59:59.000Z", zone: "America/Los_Angeles" },
      timeLeft: { type: "timeLeft", ms: 43_199_000 },
      awaitingCollection: false,
    });
    expect(formatFlagReason(due, "nl")).toBe("Uiterlijk vr 6 mrt, 23:59 PST verzenden — nog 11 u.");
    expect(formatFlagReason(due, "zh-CN")).toBe("请在 3月6日周五 23:59 PST 前发货——剩余11小时。");
    // A UK deadline in London's zone, British summer time named.
    const uk = evaluateOrder(makeOrder({ placedAt: at("2026-06-01T09:00:00Z") }), UK_LOCAL, at("2026-06-03T12:00:00Z"))[0];
    expect(uk?.reason).toBe("Dispatch by Wed 3 Jun 23:59 BST — 10 h left.");
    expect(formatFlagReason(stored(uk as Flag), "nl")).toBe("Uiterlijk wo 3 jun, 23:59 BST verzenden — nog 10 u.");
  });

  it("gives a deadline outside this year its year, in every language", () => {
    const old = evaluateOrder(makeOrder({ placedAt: at("2026-01-06T18:00:00Z") }), US_LOCAL, at("2027-01-02T12:00:00Z")).find(
      (f) => f.rule === "fulfillment.dispatch_deadline",
    );
    expect(old?.reason).toMatch(/^Dispatch deadline Thu 8 Jan 2026 23:59 PST has passed/);
    expect(formatFlagReason(stored(old as Flag), "nl")).toMatch(/^Verzenddeadline do 8 jan 2026, 23:59 PST is verstreken/);
    expect(formatFlagReason(stored(old as Flag), "zh-CN")).toMatch(/^发货截止时间 2026年1月8日周四 23:59 PST 已过/);
  });

  it("formats money, percentages and counts per locale, with plurals", () => {
    const price = stored(scenarioFlag("pricing.higher"));
    expect(price.reason).toContain("$2.23 (4.7%) higher");
    const spaced = (text: string) => text.replaceAll("\u00a0", " ");
    expect(spaced(formatFlagReason(price, "nl"))).toContain("US$ 50,00 is US$ 2,23 (4,7%) hoger");
    expect(formatFlagReason(price, "zh-CN")).toContain("高 US$2.23（4.7%）");
    const stock = stored(scenarioFlag("inventory.oversell"));
    expect(stock.reason).toBe(
      "Open orders need 1,500 units but only 3 are available: 1,497 short — restock or pause the listing before cancellations hit your score.",
    );
    expect(formatFlagReason(stock, "nl")).toMatch(/^Open bestellingen vragen 1\.500 stuks, maar er zijn er maar 3 beschikbaar: 1\.497 te weinig/);
    const one = stored(evaluateInventory({ id: "i", available: 1, openDemand: 2 }, at("2026-03-01T00:00:00Z"))[0] as Flag);
    expect(one.reason).toMatch(/^Open orders need 2 units but only 1 is available: 1 short/);
    expect(formatFlagReason(one, "nl")).toMatch(/^Open bestellingen vragen 2 stuks, maar er is er maar 1 beschikbaar/);
    const dup = stored(scenarioFlag("tracking.duplicate"));
    expect(dup.reason).toContain("also used on orders 5768001, 5768002:");
    expect(formatFlagReason(dup, "zh-CN")).toContain("也用于订单 5768001、5768002：");
  });

  it("words a rule not yet in force around its own reason", () => {
    const flag = stored(scenarioFlag("upcoming"));
    expect(flag.reason).toMatch(/^Upcoming rule from Tue 6 Jan 2026: Dispatch/);
    expect(formatFlagReason(flag, "nl")).toMatch(/^Nieuwe regel vanaf di 6 jan 2026: Uiterlijk/);
    expect(formatFlagReason(flag, "zh-CN")).toMatch(/^即将生效的规则（2026年1月6日周二 起）：请在/);
  });

  it("the tracking check's English is its message's", () => {
    for (const [number, carrier] of TRACKING_CHECKS) {
      const r = validateTracking(number, carrier);
      expect(formatFlagReason({ reason: "", reasonKey: r.detail.key, reasonParams: r.detail.params }, "en"), `${number} ${carrier}`).toBe(r.reason);
    }
  });

  it("falls back to the stored English for a flag without a key, an unknown key or parameters that do not fit", () => {
    const reason = "Dispatch by Fri 6 Mar 23:59 PST — 11 h left.";
    expect(formatFlagReason({ reason }, "nl")).toBe(reason);
    expect(formatFlagReason({ reason, reasonKey: null, reasonParams: {} }, "zh-CN")).toBe(reason);
    expect(formatFlagReason({ reason, reasonKey: "dispatch.noSuchKey", reasonParams: {} }, "nl")).toBe(reason);
    expect(formatFlagReason({ reason, reasonKey: "dispatch.dueSoon", reasonParams: {} }, "nl")).toBe(reason);
    expect(formatFlagReason({ reason, reasonKey: "dispatch.dueSoon", reasonParams: { deadline: { type: "instant", at: "soon", zone: "UTC" } } }, "nl")).toBe(
      reason,
    );
    expect(formatFlagReason({ reason, reasonKey: "dispatch.dueSoon", reasonParams: "x" }, "nl")).toBe(reason);
  });
});

describe("durations through the messages", () => {
  it.each([
    ["en", 5 * H, "5 h left"],
    ["en", -(27 * H), "overdue by 1 d 3 h"],
    ["nl", 5 * H, "nog 5 u"],
    ["nl", -(40 * 60_000), "40 min te laat"],
    ["zh-CN", 48 * H, "剩余2天"],
    ["zh-CN", -(3 * H), "已逾期3小时"],
  ] as const)("%s: %i ms → %s", (locale, ms, text) => {
    const messages = { en, nl, "zh-CN": zhCN }[locale];
    const t = createTranslator({ locale, messages, namespace: "duration" });
    expect(formatTimeLeftWith((key, values) => t(key, values), ms)).toBe(text);
  });
});

/** The ICU parameters a message uses, with their kind (plain, plural, select …). */
function parameters(message: string): string[] {
  const out = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) out.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        out.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...out].sort();
}

describe("the reasons, duration and policy messages", () => {
  const byLocale: Record<Locale, Record<string, unknown>> = { en, nl, "zh-CN": zhCN };
  const NAMESPACES = ["reasons", "duration", "policy", "policySettingsForm"] as const;
  it.each(NAMESPACES)("%s: the same keys and parameters in every language", (ns) => {
    const lookup = (tree: unknown, key: string) => key.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], tree) as string;
    const keys = leaves(en[ns]);
    for (const locale of LOCALES) {
      const tree = byLocale[locale][ns];
      expect(leaves(tree).sort(), locale).toEqual([...keys].sort());
      for (const key of keys) expect(parameters(lookup(tree, key)), `${locale} ${ns}.${key}`).toEqual(parameters(lookup(en[ns], key)));
    }
  });
});
