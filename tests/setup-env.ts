import { inject } from "vitest";

// lib/db.ts reads the environment lazily; point it at the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-only-secret-value";
// A fixed test-only key (32 zero bytes would do; this is as arbitrary and as public).
process.env.SECRETS_KEY ??= "aW50ZWdyYXRpb24tdGVzdHMtb25seS1rZXktMzJieXQ";
// The fake platforms of the tests listen on loopback (lib/security/outbound-url.ts).
process.env.ALLOW_CUSTOM_API_URLS ??= "1";
