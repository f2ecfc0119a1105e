import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here (see scripts/db/); migrations are applied by
// lib/db/migrate.ts through Prisma's WebAssembly schema engine, which needs no native binary.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
