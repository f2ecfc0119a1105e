import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseInstant, runCli } from "./policy";

const now = new Date("2026-03-06T20:00:00Z");
const files: Record<string, string> = {
  "facts.json": JSON.stringify({
    stores: { s: { market: "US", kind: "LOCAL" } },
    orders: [{ id: "A", storeId: "s", status: "AWAITING_SHIPMENT", placedAt: "2026-03-04T18:00:00Z" }],
  }),
  "bad.json": "{ not json",
  "bad-date.json": JSON.stringify({ orders: [{ id: "A", store: { market: "US" }, status: "IN_TRANSIT", placedAt: "yesterday" }] }),
  "bad-store.json": JSON.stringify({ orders: [{ id: "A", storeId: "nope", status: "IN_TRANSIT", placedAt: "2026-03-04T18:00:00Z" }] }),
  "typo.json": JSON.stringify({ order: [] }),
};
const io = {
  now: () => now,
  readFile: (p: string) => {
    const f = files[p];
    if (f === undefined) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
    return f;
  },
};
const run = (...argv: string[]) => runCli(argv, io);

describe("policy deadline", () => {
  it("prints one JSON line per input, echoing it", () => {
    const r = run("deadline", "--market", "US", "2026-03-04T18:00:00Z", "2026-03-06T12:00:00-08:00");
    expect(r).toEqual({
      code: 0,
      stderr: [],
      stdout: [
        '{"placed":"2026-03-04T18:00:00Z","deadline":"2026-03-07T07:59:59.000Z"}',
        '{"placed":"2026-03-06T12:00:00-08:00","deadline":"2026-03-11T06:59:59.000Z"}',
      ],
    });
  });
  it("accepts --market=UK and local times without offset in the market's zone", () => {
    expect(run("deadline", "--market=UK", "2026-12-24T10:00").stdout).toEqual(['{"placed":"2026-12-24T10:00","deadline":"2026-12-30T23:59:59.000Z"}']);
    expect(run("deadline", "--market", "us", "2026-03-04").stdout[0]).toContain("2026-03-07T07:59:59.000Z");
  });
  it.each([
    [["deadline", "2026-03-04T18:00:00Z"], "--market"],
    [["deadline", "--market", "FR", "2026-03-04T18:00:00Z"], "--market"],
    [["deadline", "--market"], "--market needs a value"],
    [["deadline", "--market", "US"], "at least one"],
    [["deadline", "--market", "US", "2026-03-04T18:00:00Z", "next tuesday"], 'argument 2 "next tuesday"'],
    [["deadline", "--market", "US", "2026-02-30T10:00:00Z"], "argument 1"],
    [["deadline", "--market", "US", "--zone", "x", "2026-03-04"], "unknown option --zone"],
  ])("%j exits 2 naming %s", (argv, text) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toEqual([]);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toContain(text);
  });
});

describe("policy tracking", () => {
  it("prints one JSON line per number with exactly the contract's keys", () => {
    const r = run("tracking", "--carrier", "USPS", "9400 1112 0108 0805 4830 16", "1Z5R89390357567127", "123");
    expect(r.code).toBe(0);
    const lines = r.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => Object.keys(l))).toEqual(Array(3).fill(["number", "valid", "carrier", "reason"]));
    expect(lines[0]).toMatchObject({ number: "9400 1112 0108 0805 4830 16", valid: true, carrier: "USPS" });
    expect(lines[1]).toMatchObject({ valid: false, carrier: "UPS" });
    expect(lines[2]).toMatchObject({ valid: false, carrier: null });
  });
  it.each([
    [["tracking", "--carrier", "UPS"], "at least one tracking number"],
    [["tracking", "--carrier", "", "1Z5R89390357567127"], "--carrier must not be empty"],
    [["tracking", "--carrier"], "--carrier needs a value"],
  ])("%j exits 2", (argv, text) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toContain(text);
  });
});

describe("policy evaluate", () => {
  it("prints a JSON array of {id, flags[{rule, severity, dueAt, reason}]}", () => {
    const r = run("evaluate", "facts.json", "--now", "2026-03-06T20:00:00Z");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.join("\n")) as { id: string; flags: Record<string, unknown>[] }[];
    expect(out[0]?.id).toBe("A");
    expect(out[0]?.flags).toEqual([
      { rule: "fulfillment.dispatch_deadline", severity: "warning", dueAt: "2026-03-07T07:59:59.000Z", reason: "Dispatch by Fri 6 Mar 23:59 PST — 11 h left." },
    ]);
  });
  it("defaults --now to the current time", () => {
    const out = JSON.parse(run("evaluate", "facts.json").stdout.join("")) as { flags: { severity: string }[] }[];
    expect(out[0]?.flags[0]?.severity).toBe("warning");
  });
  it("evaluates the documented example file", () => {
    const example = readFileSync(new URL("../docs/policy-facts.example.json", import.meta.url), "utf8");
    const r = runCli(["evaluate", "example.json", "--now", "2026-03-06T20:00:00Z"], { now: () => now, readFile: () => example });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.join("")) as { id: string; flags: { rule: string }[] }[];
    const rules = out.flatMap((e) => e.flags.map((f) => f.rule));
    for (const rule of [
      "fulfillment.dispatch_deadline",
      "fulfillment.overseas_direct",
      "tracking.invalid",
      "tracking.duplicate",
      "deposit.shortfall",
      "content.near_limit",
      "pricing.mismatch",
      "inventory.oversell_risk",
      "returns.response_due",
      "supplier.outbound_sla_breach",
    ]) {
      expect(rules).toContain(rule);
    }
  });
  it.each([
    [["evaluate"], "exactly one facts file"],
    [["evaluate", "a.json", "b.json"], "exactly one facts file"],
    [["evaluate", "missing.json"], "cannot read missing.json"],
    [["evaluate", "bad.json"], "bad.json is not valid JSON"],
    [["evaluate", "bad-date.json"], "orders[0].placedAt"],
    [["evaluate", "bad-store.json"], 'orders[0].storeId: unknown store "nope"'],
    [["evaluate", "typo.json"], "order"],
    [["evaluate", "facts.json", "--now", "tomorrow"], '--now "tomorrow"'],
    [["evaluate", "facts.json", "--now", "2026-03-06T20:00:00"], "with Z or an offset"],
  ])("%j exits 2 naming %s", (argv, text) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toContain(text);
    expect(r.stderr[0]).not.toContain("\n");
  });
});

describe("commands", () => {
  it.each([[[]], [["frobnicate"]]])("%j exits 2 with usage", (argv) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toContain("usage:");
  });
  it("parses instants strictly", () => {
    expect(parseInstant("2026-03-04T18:00:00Z", null)?.toISOString()).toBe("2026-03-04T18:00:00.000Z");
    expect(parseInstant("2026-03-04T10:00:00", "America/Los_Angeles")?.toISOString()).toBe("2026-03-04T18:00:00.000Z");
    expect(parseInstant("2026-03-04T10:00:00", null)).toBeNull();
    expect(parseInstant("1709575200", null)).toBeNull();
  });
});
