// Shared by the store-level CLIs (sync, store): `--store "<name>" [--org "<org name>"]` → one store,
// or a one-line reason (names are unique within an organisation, not across them).
import type { Db } from "../../lib/database/client";

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

/** `--name value` / `--name=value` options (only `allowed`) and the rest as positionals. */
export function parseOptions(argv: readonly string[], allowed: readonly string[]): { options: Map<string, string>; positional: string[] } | { error: string } {
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
      if (!allowed.includes(name)) return { error: `unknown option --${name}` };
      const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
      if (value === undefined || value === "") return { error: `--${name} needs a value` };
      options.set(name, value);
    } else positional.push(a);
  }
  return { options, positional };
}
