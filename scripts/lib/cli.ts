// Shared plumbing of the operator CLIs (setup, store, sync, demo): `--name value` / `--name=value`
// options, a one-line reason and exit 2 on bad input, a store found by name, and a database opened
// with stdout kept for the one JSON line (whatever the database layer logs goes to stderr).
import path from "node:path";
import { createPrismaClient, type Db } from "../../lib/database/client";
import { openDatabase } from "../../lib/database/runtime";
import { getSettings } from "../../lib/env";

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[], known: readonly string[]): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
      if (value === undefined || value === "" || (eq === -1 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
      if (options.has(name)) throw new UsageError(`--${name} given twice`);
      options.set(name, value);
    } else positional.push(a);
  }
  return { options, positional };
}

/** `--store "<name>" [--org "<org name>"]` → one store, or a one-line reason (names are unique within an organisation, not across them). */
export type CliStore = { id: string; name: string; organizationId: string };

export async function findCliStore(db: Db, name: string, org: string | null): Promise<{ ok: true; store: CliStore } | { ok: false; message: string }> {
  const stores = await db.store.findMany({
    where: { name, ...(org ? { organization: { name: org } } : {}) },
    select: { id: true, name: true, organizationId: true, organization: { select: { name: true } } },
  });
  if (stores.length === 0) return { ok: false, message: `unknown store "${name}"${org ? ` in organisation "${org}"` : ""}` };
  if (stores.length > 1) {
    const orgs = stores.map((s) => `"${s.organization.name}"`).join(", ");
    return { ok: false, message: `store name "${name}" exists in several organisations (${orgs}): pass --org "<org name>"` };
  }
  const s = stores[0] as (typeof stores)[number];
  return { ok: true, store: { id: s.id, name: s.name, organizationId: s.organizationId } };
}

/** Everything on standard input, without the one line ending a shell or `echo` adds. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password: ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Runs `body` with a database client; its return value is the exit code. */
export async function withDatabase(body: (db: Db, print: (line: string) => void) => Promise<number>): Promise<number> {
  const print = console.log.bind(console);
  console.log = (...parts: unknown[]) => console.error(...parts);
  const database = await openDatabase({ dataDir: path.resolve(getSettings().DATA_DIR, "pglite") });
  const db = createPrismaClient(database.url, 2);
  try {
    return await body(db, print);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

/** The process's end: an exit code, or a crash with its stack on stderr and exit 1. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
