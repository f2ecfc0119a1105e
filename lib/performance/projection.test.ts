import { describe, expect, it } from "vitest";
import { type AtRiskOrder, type ProjectedTallies, exposurePoints, projectTallies, rankSavers } from "./projection";

const order = (id: string, fields: Partial<AtRiskOrder>): AtRiskOrder => ({
  id,
  externalId: `57680000000000${id}`,
  dispatch: null,
  tracking: null,
  autoCancel: false,
  inSfcrWindow: true,
  dueAt: null,
  ...fields,
});

const current: ProjectedTallies = { ldr: { failures: 3, orders: 100 }, vtr: { failures: 2, orders: 80 }, sfcr: { failures: 0, orders: 120 } };
const at = (h: number) => new Date(Date.UTC(2026, 2, 18, h));

const orders = [
  order("01", { dispatch: "critical", dueAt: at(20) }),
  order("02", { dispatch: "critical", dueAt: at(18) }),
  order("03", { dispatch: "overdue", dueAt: at(1) }), // already counted late: nothing to save
  order("04", { dispatch: "overdue", autoCancel: true, dueAt: at(2) }), // still saves the auto-cancel
  order("05", { tracking: "shipped" }),
  order("06", { dispatch: "critical", tracking: "pending", dueAt: at(22) }), // two rates at once
];

describe("what-if projection", () => {
  it("plays every at-risk order forward: critical dispatches late, faulty tracking stays, auto-cancels happen", () => {
    expect(projectTallies(current, orders)).toEqual({
      ldr: { failures: 6, orders: 103 },
      vtr: { failures: 3, orders: 81 },
      sfcr: { failures: 1, orders: 120 },
    });
    expect(projectTallies(current, [])).toEqual(current);
  });

  it("handling an order turns its harm into a good outcome", () => {
    expect(projectTallies(current, orders, new Set(["01"])).ldr).toEqual({ failures: 5, orders: 103 });
    expect(projectTallies(current, orders, new Set(["05"])).vtr).toEqual({ failures: 2, orders: 81 });
    expect(projectTallies(current, orders, new Set(["04"])).sfcr).toEqual({ failures: 0, orders: 120 });
  });

  it("lists the orders by saved impact, leaves out those that save nothing, ties to the most urgent", () => {
    const list = rankSavers(current, orders);
    expect(list.map((o) => o.id)).toEqual(["06", "05", "02", "01", "04"]);
    for (let i = 1; i < list.length; i++)
      expect((list[i - 1] as { savedPoints: number }).savedPoints).toBeGreaterThanOrEqual((list[i] as { savedPoints: number }).savedPoints);
    expect(list.find((o) => o.id === "03")).toBeUndefined();
  });

  it("handling the first order on the list improves the projection more than handling any other single order", () => {
    const list = rankSavers(current, orders);
    const first = list[0] as AtRiskOrder;
    const after = (id: string) => exposurePoints(projectTallies(current, orders, new Set([id])));
    const before = exposurePoints(projectTallies(current, orders));
    for (const o of orders) expect(after(first.id)).toBeLessThanOrEqual(after(o.id));
    expect(after(first.id)).toBeLessThan(before);
    // and the saving shown is exactly that improvement
    expect((list[0] as { savedPoints: number }).savedPoints).toBeCloseTo(before - after(first.id), 9);
  });

  it("keeps at most ten", () => {
    const many = Array.from({ length: 25 }, (_, i) => order(String(i).padStart(2, "0"), { dispatch: "critical", dueAt: at(i % 24) }));
    expect(rankSavers(current, many)).toHaveLength(10);
  });
});
