import { z } from "zod";

// Validated once, on first use (not at import: `next build` imports server modules without a
// database). scripts/start.ts fills DATABASE_URL for the embedded default and a local secret.
const envSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL"),
  DATABASE_MODE: z.enum(["embedded", "postgres"]).default("postgres"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Alerts (lib/alerts/config.ts), read by the web server, the worker and the alerts CLI alike.
 * Without SMTP_URL (the embedded default) e-mails are stored, not sent, and /alerts says so.
 */
export const alertEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://user:pass@host:587 (or smtps://)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ALERTS_FROM: z.string().min(3).default("Seller dashboard alerts <alerts@localhost>"),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  ALERTS_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
});
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
