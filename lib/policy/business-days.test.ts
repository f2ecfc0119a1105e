import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  MARKET_ZONES,
  addBusinessDays,
  businessDaysBetween,
  dispatchDeadline,
  endOfLocalDay,
  formatLocal,
  holidaysInYear,
  isBusinessDay,
  isHoliday,
  localDateOf,
} from "./business-days";
import type { Market } from "./types";

describe("US federal holidays on observed dates", () => {
  it.each([
    ["2026-01-01", "New Year's Day"],
    ["2026-01-19", "Martin Luther King Jr. Day"],
    ["2026-02-16", "Washington's Birthday"],
    ["2026-05-25", "Memorial Day"],
    ["2026-06-19", "Juneteenth"],
    ["2026-07-03", "Independence Day observed (07-04 is a Saturday)"],
    ["2026-09-07", "Labor Day"],
    ["2026-10-12", "Columbus Day"],
    ["2026-11-11", "Veterans Day"],
    ["2026-11-26", "Thanksgiving"],
    ["2026-12-25", "Christmas"],
    ["2023-11-10", "Veterans Day trap: Friday observance typed 'bank'"],
    ["2028-11-10", "Veterans Day trap: Friday observance typed 'bank'"],
    ["2021-12-31", "New Year 2022 observed in the prior year"],
    ["2027-12-31", "New Year 2028 observed in the prior year"],
    ["2022-06-20", "Juneteenth on Sunday → Monday"],
    ["2023-01-02", "New Year on Sunday → Monday"],
    ["2021-06-18", "first Juneteenth, Saturday → Friday"],
  ])("%s is a holiday (%s)", (date) => {
    expect(isHoliday("US", date)).toBe(true);
    expect(isBusinessDay("US", date)).toBe(false);
  });

  it.each([
    ["2026-12-24", "Christmas Eve is only optional"],
    ["2026-11-27", "day after Thanksgiving is an observance"],
    ["2023-11-13", "Veterans Day 2023 is not ALSO moved to Monday"],
    ["2022-01-03", "New Year 2022 is not also moved to Monday"],
    ["2026-07-06", "Independence Day 2026 is not also moved to Monday"],
  ])("%s is a business day (%s)", (date) => {
    expect(isBusinessDay("US", date)).toBe(true);
  });

  it("counts each year's observed holidays exactly once", () => {
    expect([...holidaysInYear("US", 2026)].sort()).toEqual([
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-07-03",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ]);
    // 2022-01-01 (Saturday) is observed on 2021-12-31, so 2021 has 12 and 2022 has 10.
    expect(holidaysInYear("US", 2021).size).toBe(12);
    expect(holidaysInYear("US", 2022).size).toBe(10);
    expect(holidaysInYear("US", 2023).size).toBe(11);
    expect(holidaysInYear("US", 2028).has("2028-11-10")).toBe(true);
    expect(holidaysInYear("US", 2028).has("2028-11-11")).toBe(false);
    for (let y = 2022; y <= 2035; y++) {
      // 11 federal holidays a year, give or take a New Year's Day observed across the boundary.
      const size = holidaysInYear("US", y).size;
      expect(size, String(y)).toBeGreaterThanOrEqual(10);
      expect(size, String(y)).toBeLessThanOrEqual(12);
    }
  });
});

describe("England & Wales bank holidays", () => {
  it.each([
    "2026-01-01",
    "2026-04-03",
    "2026-04-06",
    "2026-05-04",
    "2026-05-25",
    "2026-08-31",
    "2026-12-25",
    "2026-12-28",
    "2027-12-27",
    "2027-12-28",
    "2022-09-19",
  ])("%s is a bank holiday", (date) => expect(isBusinessDay("UK", date)).toBe(false));
  it("does not use US holidays in the UK or vice versa", () => {
    expect(isBusinessDay("UK", "2026-07-03")).toBe(true);
    expect(isBusinessDay("US", "2026-04-06")).toBe(true);
    expect(isBusinessDay("US", "2026-12-28")).toBe(true);
  });
});

describe("addBusinessDays / businessDaysBetween", () => {
  it("skips weekends and observed holidays", () => {
    expect(addBusinessDays("US", "2026-07-01", 2)).toBe("2026-07-06");
    expect(addBusinessDays("US", "2026-12-23", 2)).toBe("2026-12-28");
    expect(addBusinessDays("US", "2026-03-06", 0)).toBe("2026-03-06");
    expect(addBusinessDays("US", "2026-03-09", -1)).toBe("2026-03-06");
    expect(businessDaysBetween("US", "2026-07-01", "2026-07-06")).toBe(2);
    expect(businessDaysBetween("US", "2026-07-06", "2026-07-01")).toBe(-2);
  });
  it("rejects malformed dates", () => {
    expect(() => isBusinessDay("US", "2026-02-30")).toThrow(RangeError);
    expect(() => addBusinessDays("US", "03/04/2026", 1)).toThrow(RangeError);
  });
});

/** A local wall-clock time in the market's zone, as an instant. */
function local(market: Market, text: string): Date {
  return DateTime.fromISO(text, { zone: MARKET_ZONES[market] }).toJSDate();
}

describe("dispatchDeadline", () => {
  it.each<[Market, string, string, string]>([
    ["US", "2026-03-04T10:00", "2026-03-06", "Wednesday → Friday"],
    ["US", "2026-03-06T10:00", "2026-03-10", "Friday → Tuesday (DST starts Sun 8 Mar)"],
    ["US", "2026-03-07T10:00", "2026-03-10", "Saturday → Tuesday"],
    ["US", "2026-03-08T03:30", "2026-03-10", "Sunday of the DST change → Tuesday"],
    ["US", "2026-10-30T10:00", "2026-11-03", "Friday before DST ends (Sun 1 Nov) → Tuesday"],
    ["US", "2026-11-01T01:30", "2026-11-03", "ambiguous 01:30 on the DST-end Sunday → Tuesday"],
    ["US", "2026-07-02T09:00", "2026-07-07", "Thursday before observed Independence Day"],
    ["US", "2026-07-04T09:00", "2026-07-07", "on the Saturday holiday itself"],
    ["US", "2026-06-17T09:00", "2026-06-22", "Juneteenth (Friday) in between"],
    ["US", "2026-06-19T09:00", "2026-06-23", "order on Juneteenth"],
    ["US", "2023-11-08T09:00", "2023-11-13", "Veterans Day trap 2023-11-10 in between"],
    ["US", "2028-11-09T09:00", "2028-11-14", "Veterans Day trap 2028-11-10 in between"],
    ["US", "2021-12-30T09:00", "2022-01-04", "New Year 2022 observed 2021-12-31"],
    ["US", "2026-11-25T09:00", "2026-11-30", "Thanksgiving in between"],
    ["UK", "2026-03-27T10:00", "2026-03-31", "UK Friday before BST starts (Sun 29 Mar)"],
    ["UK", "2026-10-23T10:00", "2026-10-27", "UK Friday before BST ends (Sun 25 Oct)"],
    ["UK", "2026-04-02T10:00", "2026-04-08", "UK Good Friday and Easter Monday in between"],
    ["UK", "2026-12-24T10:00", "2026-12-30", "UK Christmas and Boxing Day substitute 28 Dec"],
  ])("%s order %s → end of %s (%s)", (market, placed, dueDate) => {
    const deadline = dispatchDeadline(market, local(market, placed));
    expect(deadline.toISOString()).toBe(endOfLocalDay(market, dueDate).toISOString());
    const wall = DateTime.fromJSDate(deadline, { zone: MARKET_ZONES[market] });
    expect(wall.toFormat("yyyy-MM-dd HH:mm:ss.SSS")).toBe(`${dueDate} 23:59:59.000`);
  });

  it("follows the wall clock through DST: PST before, PDT after", () => {
    expect(dispatchDeadline("US", new Date("2026-03-04T18:00:00Z")).toISOString()).toBe("2026-03-07T07:59:59.000Z");
    expect(dispatchDeadline("US", new Date("2026-03-06T18:00:00Z")).toISOString()).toBe("2026-03-11T06:59:59.000Z");
    expect(dispatchDeadline("UK", new Date("2026-03-27T10:00:00Z")).toISOString()).toBe("2026-03-31T22:59:59.000Z");
    expect(dispatchDeadline("UK", new Date("2026-10-23T10:00:00Z")).toISOString()).toBe("2026-10-27T23:59:59.000Z");
    expect(formatLocal("US", dispatchDeadline("US", new Date("2026-03-06T18:00:00Z")))).toBe("Tue 10 Mar 23:59 PDT");
  });

  it("reads the order date at the cut-off second in the market's zone", () => {
    // Wed 23:59:59 PST is still Wednesday → Friday; Thu 00:00:00 is Thursday → Monday.
    expect(dispatchDeadline("US", local("US", "2026-03-04T23:59:59")).toISOString()).toBe(endOfLocalDay("US", "2026-03-06").toISOString());
    expect(dispatchDeadline("US", local("US", "2026-03-05T00:00:00")).toISOString()).toBe(endOfLocalDay("US", "2026-03-09").toISOString());
    // 2026-03-05T07:30Z is Wednesday evening in Los Angeles but Thursday in UTC.
    expect(localDateOf("US", new Date("2026-03-05T07:30:00Z"))).toBe("2026-03-04");
  });
});

describe("dispatchDeadline properties", () => {
  const instant = fc.date({ min: new Date("2021-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });
  const market = fc.constantFrom<Market>("US", "UK");

  it("falls at 23:59:59 local on a business day", () => {
    fc.assert(
      fc.property(market, instant, (m, placed) => {
        const d = DateTime.fromJSDate(dispatchDeadline(m, placed), { zone: MARKET_ZONES[m] });
        expect(d.toFormat("HH:mm:ss.SSS")).toBe("23:59:59.000");
        expect(isBusinessDay(m, d.toISODate() ?? "")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never gives a later order an earlier deadline", () => {
    fc.assert(
      fc.property(market, instant, fc.integer({ min: 0, max: 10 * 86_400_000 }), (m, a, gap) => {
        const b = new Date(a.getTime() + gap);
        expect(dispatchDeadline(m, b).getTime()).toBeGreaterThanOrEqual(dispatchDeadline(m, a).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it("leaves exactly two full business days after the order date", () => {
    fc.assert(
      fc.property(market, instant, (m, placed) => {
        const orderDate = localDateOf(m, placed);
        const due = localDateOf(m, dispatchDeadline(m, placed));
        expect(businessDaysBetween(m, orderDate, due)).toBe(2);
        expect(dispatchDeadline(m, placed).getTime()).toBeGreaterThan(placed.getTime() + 24 * 3_600_000);
      }),
      { numRuns: 300 },
    );
  });
});
