// CLI contracts, one subcommand per function:
//   npm run -s store -- add --org "<name>" --name "<store>" --channel TIKTOK_SHOP|BRAND_SITE --market US|UK
//                           [--kind LOCAL|CROSS_BORDER] --zone <IANA zone> [--joined YYYY-MM-DD]
//     prints the new store's id on one line. Exit 2 with the reason on stderr on bad arguments, an
//     unknown or ambiguous organisation, or a store name the organisation already uses.
//   npm run -s store -- set --store "<name>" [--org "<org name>"] key=value …
//     keys: shopifyDomain shopifyAccessToken shopifyApiBaseUrl shopifyApiVersion tiktokAppKey
//     tiktokAppSecret tiktokAccessToken tiktokShopCipher tiktokApiBaseUrl webhookSecret
//     tiktokRefreshToken shopifyLocationId (`key=` clears one). Prints the store's settings as ONE JSON line, secrets masked (`********` and the
//     last four characters). Unknown key, bad value or unknown store → exit 2.
import { z } from "zod";
import { applyStoreSettings, parseSettingAssignments } from "../lib/channels/store-settings";
import type { Db } from "../lib/database/client";
import { AppError } from "../lib/errors";
import { createStore } from "../lib/setup/stores";
import { newStoreSchema } from "../lib/validations/setup";
import { findCliStore, parseOptions, runMain, UsageError, withDatabase } from "./lib/cli";

const USAGE = [
  `usage: store add --org "<organisation>" --name "<store>" --channel TIKTOK_SHOP|BRAND_SITE --market US|UK [--kind LOCAL|CROSS_BORDER] --zone <IANA zone> [--joined YYYY-MM-DD]`,
  `       store set --store "<name>" [--org "<org name>"] key=value …`,
].join("\n");

/** The one organisation with this name, or a reason. */
async function findOrganization(db: Db, name: string): Promise<{ id: string } | string> {
  const orgs = await db.organization.findMany({ where: { name }, select: { id: true }, take: 2 });
  if (orgs.length === 0) return `--org: no organisation named "${name}"`;
  if (orgs.length > 1) return `--org: several organisations are named "${name}"`;
  return orgs[0] as { id: string };
}

async function addStore(argv: readonly string[]): Promise<number> {
  const { options, positional } = parseOptions(argv, ["org", "name", "channel", "market", "kind", "zone", "joined"]);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  for (const required of ["org", "name", "channel", "market", "zone"]) if (!options.has(required)) throw new UsageError(`--${required} is required`);
  const parsed = newStoreSchema.safeParse({
    name: options.get("name"),
    channel: options.get("channel"),
    market: options.get("market"),
    kind: options.get("kind"),
    timeZone: options.get("zone"),
    joinedOn: options.get("joined"),
  });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    const flag: Record<string, string> = { name: "--name", channel: "--channel", market: "--market", kind: "--kind", timeZone: "--zone", joinedOn: "--joined" };
    console.error(
      `store add: ${Object.entries(flat)
        .map(([k, m]) => `${flag[k] ?? k}: ${m?.[0]} (got "${options.get(flag[k]?.slice(2) ?? k) ?? ""}")`)
        .join("; ")}`,
    );
    return 2;
  }
  if (options.has("kind") && parsed.data.channel === "BRAND_SITE") {
    console.error("store add: --kind: only TikTok Shop stores are local or cross-border");
    return 2;
  }
  return withDatabase(async (db, print) => {
    const org = await findOrganization(db, options.get("org") as string);
    if (typeof org === "string") {
      console.error(`store add: ${org}`);
      return 2;
    }
    try {
      const store = await createStore(db, org.id, parsed.data, { label: "store CLI" }, new Date());
      print(store.id);
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code !== "NOT_FOUND") {
        console.error(`store add: --name: ${error.message}`);
        return 2;
      }
      throw error;
    }
  });
}

async function setStore(argv: readonly string[]): Promise<number> {
  const { options, positional } = parseOptions(argv, ["store", "org"]);
  if (!options.get("store")) throw new UsageError("--store is required");
  const assignments = parseSettingAssignments(positional);
  if (!assignments.ok) {
    console.error(`store: ${assignments.message}`);
    return 2;
  }
  return withDatabase(async (db, print) => {
    const found = await findCliStore(db, options.get("store") as string, options.get("org") ?? null);
    if (!found.ok) {
      console.error(`store: ${found.message}`);
      return 2;
    }
    const r = await applyStoreSettings(db, found.store.id, assignments.updates, "cli: npm run store");
    print(JSON.stringify(r.printable));
    return 0;
  });
}

const COMMANDS: Record<string, (argv: readonly string[]) => Promise<number>> = { add: addStore, set: setStore };

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  try {
    if (!run) throw new UsageError(command ? `unknown command "${command}"` : "a command is required");
    return await run(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`store${run ? ` ${command}` : ""}: ${error.message}\n${USAGE}`);
    return 2;
  }
}

runMain(main);
