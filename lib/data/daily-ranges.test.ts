import { describe, expect, it } from "vitest";
import { HIST_BUCKETS, emptyHist, histMedian, mergeSegments, splitLocalDays } from "./daily-ranges";

describe("splitLocalDays", () => {
  it("keeps the whole local days of a rolling period and leaves the partial ones at both ends", () => {
    // 2026-11-01T15:30Z is 07:30 in Los Angeles (PST); 2026-11-05T20:00Z is 12:00.
    const split = splitLocalDays("America/Los_Angeles", new Date("2026-11-01T15:30:00Z"), new Date("2026-11-05T20:00:00Z"));
    expect(split).toEqual({ from: "2026-11-02", to: "2026-11-05", fromStart: new Date("2026-11-02T08:00:00Z"), toStart: new Date("2026-11-05T08:00:00Z") });
  });

  it("takes a period starting exactly at local midnight from its first day, across a DST change", () => {
    // London: 2026-10-25 is the day clocks go back (25 hours long).
    const split = splitLocalDays("Europe/London", new Date("2026-10-24T23:00:00Z"), new Date("2026-10-26T00:00:00Z"));
    expect(split).toEqual({ from: "2026-10-25", to: "2026-10-26", fromStart: new Date("2026-10-24T23:00:00Z"), toStart: new Date("2026-10-26T00:00:00Z") });
  });

  it("has no whole day in less than a day", () => {
    expect(splitLocalDays("UTC", new Date("2026-11-01T01:00:00Z"), new Date("2026-11-02T00:30:00Z"))).toBeNull();
    expect(splitLocalDays("UTC", new Date("2026-11-02T00:00:00Z"), new Date("2026-11-01T00:00:00Z"))).toBeNull();
  });
});

describe("mergeSegments", () => {
  it("joins overlapping and touching ranges", () => {
    const d = (h: number) => new Date(Date.UTC(2026, 10, 1, h));
    expect(
      mergeSegments([
        { from: d(5), to: d(8) },
        { from: d(0), to: d(3) },
        { from: d(3), to: d(4) },
        { from: d(6), to: d(9) },
      ]),
    ).toEqual([
      { from: d(0), to: d(4) },
      { from: d(5), to: d(9) },
    ]);
  });
});

describe("histMedian", () => {
  const exactMedian = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = (s.length - 1) / 2;
    return ((s[Math.floor(m)] as number) + (s[Math.ceil(m)] as number)) / 2;
  };
  const histOf = (xs: number[]) => {
    const h = emptyHist();
    for (const x of xs) {
      const b = Math.min(HIST_BUCKETS - 1, Math.max(0, Math.ceil(x) - 1));
      h[b] = (h[b] as number) + 1;
    }
    return h;
  };

  it("is within an hour of the exact median below 72 h (the documented bound)", () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 200; trial++) {
      const xs = Array.from({ length: 1 + Math.floor(random() * 300) }, () => random() * 70);
      expect(Math.abs((histMedian(histOf(xs)) as number) - exactMedian(xs))).toBeLessThanOrEqual(1);
    }
  });

  it("answers null without dispatched orders and 72 (a lower bound) past 72 h", () => {
    expect(histMedian(emptyHist())).toBeNull();
    expect(histMedian(histOf([100, 130, 90]))).toBe(72);
  });
});
