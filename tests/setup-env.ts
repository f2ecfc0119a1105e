import { inject } from "vitest";

// lib/db.ts reads the environment lazily; point it at the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-only-secret-value";
