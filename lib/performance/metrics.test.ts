import { describe, expect, it } from "vitest";
import { SHOP_PERFORMANCE_DEFAULTS } from "@/lib/policy/settings";
import { bandOf, consequenceOf, headroom, headroomSentence, metricRules, worstBand } from "./metrics";

const rules = metricRules(SHOP_PERFORMANCE_DEFAULTS);
const { ldr, vtr, otdr, sfcr } = rules;

describe("bands", () => {
  it("LDR ≤ 4%: healthy, at risk above 3/4 of the allowance, breached above 4%, enforcement above 10%", () => {
    expect(bandOf(ldr, { failures: 2, orders: 100 })).toBe("healthy");
    expect(bandOf(ldr, { failures: 3, orders: 100 })).toBe("healthy"); // exactly 3%: not above 3/4 of 4%
    expect(bandOf(ldr, { failures: 31, orders: 1000 })).toBe("at_risk");
    expect(bandOf(ldr, { failures: 4, orders: 100 })).toBe("at_risk"); // exactly 4% is allowed
    expect(bandOf(ldr, { failures: 41, orders: 1000 })).toBe("breached");
    expect(bandOf(ldr, { failures: 10, orders: 100 })).toBe("breached"); // exactly 10%: not above
    expect(bandOf(ldr, { failures: 101, orders: 1000 })).toBe("enforcement");
    expect(bandOf(ldr, { failures: 0, orders: 0 })).toBe("no_data");
  });

  it("VTR ≥ 95% and OTDR ≥ 80% are judged on the failures they allow", () => {
    expect(bandOf(vtr, { failures: 5, orders: 100 })).toBe("at_risk"); // 95% exactly
    expect(bandOf(vtr, { failures: 6, orders: 100 })).toBe("breached");
    expect(bandOf(vtr, { failures: 1, orders: 100 })).toBe("healthy");
    expect(bandOf(otdr, { failures: 20, orders: 100 })).toBe("at_risk");
    expect(bandOf(otdr, { failures: 21, orders: 100 })).toBe("breached");
    expect(bandOf(otdr, { failures: 10, orders: 100 })).toBe("healthy");
    expect(bandOf(vtr, { failures: 50, orders: 100 })).toBe("breached"); // no enforcement tier
  });

  it("SFCR ≤ 2.5% is compared exactly (1 of 40 is 2.5%)", () => {
    expect(bandOf(sfcr, { failures: 1, orders: 40 })).toBe("at_risk");
    expect(bandOf(sfcr, { failures: 1, orders: 39 })).toBe("breached");
    expect(bandOf(sfcr, { failures: 1, orders: 200 })).toBe("healthy");
  });

  it("a small store with no failures is at risk when the very next failure crosses the line", () => {
    expect(bandOf(ldr, { failures: 0, orders: 10 })).toBe("at_risk"); // 1/11 = 9% > 4%
    expect(bandOf(ldr, { failures: 0, orders: 24 })).toBe("healthy"); // 1/25 = 4%
  });

  it("the worst band of a store", () => {
    expect(worstBand(["healthy", "breached", "at_risk", "no_data"])).toBe("breached");
    expect(worstBand(["no_data", "no_data"])).toBe("no_data");
    expect(worstBand(["healthy", "enforcement"])).toBe("enforcement");
  });

  it("consequences use the spec's words", () => {
    expect(consequenceOf(ldr, "breached")).toMatch(/Shop Performance Score, search visibility and platform benefits/);
    expect(consequenceOf(ldr, "enforcement")).toMatch(/enforcement may start/);
    expect(consequenceOf(ldr, "enforcement")).toMatch(/order-volume limits/);
  });
});

describe("headroom", () => {
  // Brute force: the largest N with (f + N) / (n + N) within the line, by walking N up.
  const brute = (rule: typeof ldr, f: number, n: number) => {
    const within = (ff: number, nn: number) =>
      bandOf(rule, { failures: ff, orders: nn }) !== "breached" && bandOf(rule, { failures: ff, orders: nn }) !== "enforcement";
    let k = -1;
    while (within(f + k + 1, n + k + 1)) k++;
    return k;
  };

  it("is the exact largest N with (late + N) / (orders + N) ≤ threshold, checked against brute force", () => {
    for (const rule of [ldr, vtr, otdr, sfcr]) {
      for (const n of [0, 1, 7, 25, 40, 99, 100, 333, 1000]) {
        for (const f of [0, 1, 2, 3, 5, 20]) {
          if (f > n) continue;
          const h = headroom(rule, { failures: f, orders: n });
          const expected = brute(rule, f, n);
          if (expected >= 0) expect(h, `${rule.key} ${f}/${n}`).toEqual({ kind: "room", more: expected });
          else expect(h.kind, `${rule.key} ${f}/${n}`).toBe("recover");
        }
      }
    }
  });

  it("LDR: 2 late of 100 → 2 more (4/102 ≤ 4%, 5/103 > 4%)", () => {
    expect(headroom(ldr, { failures: 2, orders: 100 })).toEqual({ kind: "room", more: 2 });
    expect(headroomSentence(ldr, { failures: 2, orders: 100 })).toBe("2 more late dispatches in the last 30 days before LDR goes above 4%.");
    expect(headroomSentence(ldr, { failures: 3, orders: 100 })).toBe("1 more late dispatch in the last 30 days before LDR goes above 4%.");
    expect(headroomSentence(ldr, { failures: 4, orders: 100 })).toBe("The next late dispatch in the last 30 days takes LDR above 4%.");
  });

  it("over the line: how many good orders bring it back (6 late of 100 → 50 more on time: 6/150 = 4%)", () => {
    expect(headroom(ldr, { failures: 6, orders: 100 })).toEqual({ kind: "recover", needed: 50 });
    expect(headroomSentence(ldr, { failures: 6, orders: 100 })).toBe("Over the line: 50 on-time dispatches (and no late dispatches) needed to get back to 4%.");
    expect(headroom(vtr, { failures: 6, orders: 100 })).toEqual({ kind: "recover", needed: 20 }); // 6/120 = 5%
  });

  it("VTR and OTDR sentences speak of falling below", () => {
    expect(headroomSentence(vtr, { failures: 0, orders: 100 })).toBe("5 more shipments with invalid tracking in the last 30 days before VTR falls below 95%.");
    expect(headroomSentence(otdr, { failures: 0, orders: 8 })).toBe("2 more late deliveries this week before OTDR falls below 80%.");
  });
});
