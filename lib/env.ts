import { z } from "zod";

// Validated once, on first use (not at import: `next build` imports server modules without a
// database). scripts/start.ts fills DATABASE_URL for the embedded default and a local secret.
const envSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL"),
  DATABASE_MODE: z.enum(["embedded", "postgres"]).default("postgres"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // statement_timeout of the web server's connections (interactive requests), in ms; 0 = none.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
});

export type Env = z.infer<typeof envSchema>;
let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
