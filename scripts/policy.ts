import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { DateTime } from "luxon";
import { MARKET_ZONES, dispatchDeadline } from "../lib/policy/business-days";
import { evaluateFacts } from "../lib/policy/evaluate-facts";
import { factsSchema, formatIssuePath } from "../lib/policy/facts-schema";
import { validateTracking } from "../lib/policy/tracking/validate";
import type { Market } from "../lib/policy/types";

// CLI contract (issue 3): `deadline`, `tracking`, `evaluate`. Output shapes are a contract; bad
// arguments or input give one line on stderr naming the problem and exit code 2.

export type CliIo = { readFile: (path: string) => string; now: () => Date };
export type CliResult = { code: number; stdout: string[]; stderr: string[] };

const USAGE =
  "usage: policy deadline --market US|UK <placed ISO-8601>... | policy tracking --carrier <name> <number>... | policy evaluate <facts.json> [--now <ISO-8601>]";

class UsageError extends Error {}

/** Splits `--flag value` / `--flag=value` options from positional arguments. */
function parseOptions(args: readonly string[], known: readonly string[]): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      if (options.has(name)) throw new UsageError(`--${name} given twice`);
      const value = eq === -1 ? args[++i] : a.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else positional.push(a);
  }
  return { options, positional };
}

const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO-8601 instant. With an offset or Z it is exact; without one it is read as wall-clock
 * time in `zone` (the market's clock), or rejected when no zone applies.
 */
export function parseInstant(text: string, zone: string | null): Date | null {
  const s = text.trim();
  if (!ISO_PREFIX.test(s)) return null;
  const hasOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(s) && /T|\s/.test(s);
  if (!hasOffset && zone === null) return null;
  const dt = DateTime.fromISO(s.replace(" ", "T"), { zone: hasOffset ? "UTC" : (zone ?? "UTC"), setZone: false });
  return dt.isValid ? dt.toJSDate() : null;
}

function parseMarket(value: string | undefined): Market {
  if (value === undefined) throw new UsageError("deadline: --market US|UK is required");
  const m = value.toUpperCase();
  if (m !== "US" && m !== "UK") throw new UsageError(`deadline: --market must be US or UK, got "${value}"`);
  return m;
}

function runDeadline(args: readonly string[]): string[] {
  const { options, positional } = parseOptions(args, ["market"]);
  const market = parseMarket(options.get("market"));
  if (positional.length === 0) throw new UsageError("deadline: give at least one order placement time (ISO-8601)");
  const parsed = positional.map((p, i) => {
    const d = parseInstant(p, MARKET_ZONES[market]);
    if (!d) throw new UsageError(`deadline: argument ${i + 1} "${p}" is not an ISO-8601 date-time`);
    return { placed: p, d };
  });
  return parsed.map(({ placed, d }) => JSON.stringify({ placed, deadline: dispatchDeadline(market, d).toISOString() }));
}

function runTracking(args: readonly string[]): string[] {
  const { options, positional } = parseOptions(args, ["carrier"]);
  const carrier = options.get("carrier");
  if (carrier !== undefined && carrier.trim() === "") throw new UsageError("tracking: --carrier must not be empty");
  if (positional.length === 0) throw new UsageError("tracking: give at least one tracking number");
  return positional.map((number) => {
    const r = validateTracking(number, carrier ?? null);
    return JSON.stringify({ number, valid: r.valid, carrier: r.carrier, reason: r.reason });
  });
}

function runEvaluate(args: readonly string[], io: CliIo): string[] {
  const { options, positional } = parseOptions(args, ["now"]);
  if (positional.length !== 1) throw new UsageError(`evaluate: expected exactly one facts file, got ${positional.length}`);
  const file = positional[0] ?? "";
  const nowText = options.get("now");
  let now = io.now();
  if (nowText !== undefined) {
    const d = parseInstant(nowText, null);
    if (!d) throw new UsageError(`evaluate: --now "${nowText}" is not an ISO-8601 date-time with Z or an offset`);
    now = d;
  }
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw new UsageError(`evaluate: cannot read ${file}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`evaluate: ${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = factsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatIssuePath(issue.path) : "(root)";
    throw new UsageError(`evaluate: ${file}: ${where}: ${issue?.message ?? "invalid input"}`);
  }
  const result = evaluateFacts(parsed.data, now).map(({ id, flags }) => ({
    id,
    flags: flags.map((f) => ({ rule: f.rule, severity: f.severity, dueAt: f.dueAt ? f.dueAt.toISOString() : null, reason: f.reason })),
  }));
  return [JSON.stringify(result, null, 2)];
}

/** The whole CLI as a function of its arguments, for tests; `main` only wires it to the process. */
export function runCli(argv: readonly string[], io: CliIo): CliResult {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "deadline":
        return { code: 0, stdout: runDeadline(rest), stderr: [] };
      case "tracking":
        return { code: 0, stdout: runTracking(rest), stderr: [] };
      case "evaluate":
        return { code: 0, stdout: runEvaluate(rest, io), stderr: [] };
      case undefined:
        throw new UsageError(`missing command; ${USAGE}`);
      default:
        throw new UsageError(`unknown command "${command}"; ${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: [], stderr: [`policy: ${e.message}`] };
    throw e;
  }
}

function main(): void {
  const result = runCli(process.argv.slice(2), { readFile: (p) => readFileSync(p, "utf8"), now: () => new Date() });
  for (const line of result.stdout) process.stdout.write(`${line}\n`);
  for (const line of result.stderr) process.stderr.write(`${line}\n`);
  process.exitCode = result.code;
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) main();
