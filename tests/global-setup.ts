import type { TestProject } from "vitest/node";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../lib/database/embedded";
import { applyMigrations } from "../lib/database/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let embedded: EmbeddedPostgres | undefined;

// Integration tests run against DATABASE_URL when it is set (CI: a fresh database on the real
// PostgreSQL), otherwise against an in-memory embedded PostgreSQL. Migrations are applied here,
// so "migrations apply to an empty database" is exercised on every run.
export async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres({})).url;
  await applyMigrations(url);
  project.provide("databaseUrl", url);
}

export async function teardown() {
  await embedded?.stop();
}
