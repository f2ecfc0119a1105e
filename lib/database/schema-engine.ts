import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma 7's CLI downloads a native schema engine for `migrate`, which this network cannot reach.
// Prisma ships the same engine compiled to WebAssembly; we drive it through the pg driver adapter
// so `prisma/migrations/` stays in Prisma's own folder format and `prisma migrate deploy` keeps
// working wherever the native engine is available.

// Beside this file's project, wherever the process was started from: a CLI run from another
// folder must apply the project's migrations, not find none.
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/migrations");
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma/schema.prisma");
const NO_FILTER = { externalTables: [], externalEnums: [] };

type WasmRuntime = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
};
let runtime: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

// Instantiate the wasm by hand: the package's ESM entry imports a .wasm module, which Node 20
// only allows behind --experimental-wasm-modules.
function loadRuntime() {
  runtime ??= (async () => {
    // The wasm reports a Rust panic through this global before it throws "unreachable".
    const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message: (m: string) => void } };
    globals.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => console.error(`schema engine panic: ${m}`) };
    const require = createRequire(import.meta.url);
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as WasmRuntime;
    const bytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg as unknown as typeof import("@prisma/schema-engine-wasm");
  })();
  return runtime;
}

type ScriptAdapter = {
  executeScript: (script: string) => Promise<void>;
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
};

/**
 * The pg adapter runs a migration script by splitting it on every ";", which cuts a function
 * body ($$ … $$) apart. PostgreSQL's simple-query protocol takes the whole script at once (as the
 * native engine sends it, and in one implicit transaction), so the script goes over unsplit.
 */
function wholeScriptAdapter(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const inner = adapter as unknown as ScriptAdapter;
    inner.executeScript = async (script) => {
      try {
        await inner.client.query(script);
      } catch (error) {
        inner.onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine, schema: string) => Promise<T>) {
  const { SchemaEngine } = await loadRuntime();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const factory = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(new PrismaPg({ connectionString: databaseUrl, max: 1 })));
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, factory);
  try {
    return await run(engine, schema);
  } finally {
    engine.free();
  }
}

export async function readMigrationList(): Promise<MigrationList> {
  // A missing folder or lock file is an error, never "no migrations to apply".
  const lockfile = await readFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8");
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (dirs.length === 0) throw new Error(`No migrations in ${MIGRATIONS_DIR}`);
  const migrationDirectories = await Promise.all(
    dirs.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8")
          .then((value) => ({ tag: "ok" as const, value }))
          .catch((error: Error) => ({ tag: "error" as const, value: error.message })),
      },
    })),
  );
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every pending migration; returns the names applied now. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

export const SNAPSHOT_FILE = "schema.snapshot.prisma";

/**
 * SQL from the schema the last migration was written against to prisma/schema.prisma.
 * Each migration folder keeps that schema as a snapshot because the engine cannot introspect
 * through the pg adapter (pg_catalog's "char" columns), so no shadow database is needed either.
 * Prisma itself reads only migration.sql from the folder.
 */
export async function diffSnapshotToSchema(scratchDatabaseUrl: string, previousSchema: string | null): Promise<string> {
  // The engine insists on a live connection even for a schema-to-schema diff.
  return withEngine(scratchDatabaseUrl, async (engine, schema) => {
    const result = await engine.diff({
      from: previousSchema === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "previous.prisma", content: previousSchema }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? "";
  });
}
