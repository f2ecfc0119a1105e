import { z } from "zod";

// Every variable the README documents, validated in one place. The server validates them once at
// start-up (instrumentation.ts, and scripts/start.ts before it spawns Next), so a typo fails the
// start with the variable's name instead of a wrong behaviour later; the CLIs read the same schema.
// Nothing else reads process.env for these.

const flag = z.enum(["0", "1"], { error: 'use "0" or "1"' });
const port = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a port number` })
    .int()
    .min(0)
    .max(65535);

const settingsSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_MODE: z.enum(["embedded", "postgres"]).default("postgres"),
  DATABASE_POOL_SIZE: z.coerce.number({ error: "DATABASE_POOL_SIZE must be a whole number" }).int().min(1).max(100).default(10),
  DATABASE_NAMED_STATEMENTS: flag.default("1").transform((v) => v === "1"),
  // The app's public address: next-auth's redirects, and where Shopify posts the webhooks this app registers.
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be a URL such as https://dashboard.example.com" }).optional(),
  PORT: port("PORT").default(3000),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_DB_PORT: port("EMBEDDED_DB_PORT").default(0),
  SEED_DEMO: flag.optional(),
  SKIP_BUILD: flag.optional(),
  // The web server's V8 old-space limit (npm start): see nextServerNodeOptions. 0 = V8's own default.
  SERVER_HEAP_MB: z.coerce.number({ error: "SERVER_HEAP_MB must be a whole number of megabytes" }).int().min(0).max(65_536).default(448),
  // Self-service sign-up at /signup (isSignUpAllowed below).
  ALLOW_SIGNUP: flag.optional(),
  OVERVIEW_CACHE_SECONDS: z.coerce.number({ error: "OVERVIEW_CACHE_SECONDS must be a number of seconds" }).int().min(0).max(3600).default(30),
  // Alerts (lib/alerts/config.ts): without SMTP_URL (the embedded default) e-mails are stored, not sent, and /alerts says so.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://user:pass@host:587 (or smtps://)")
    .optional(),
  ALERTS_FROM: z.string().min(3, "ALERTS_FROM must be an address such as Alerts <alerts@example.com>").default("Seller dashboard alerts <alerts@localhost>"),
  ALERTS_INTERVAL_SECONDS: z.coerce.number({ error: "ALERTS_INTERVAL_SECONDS must be a number of seconds" }).int().min(0).max(3600).default(60),
  // Page views and reads inside Next at once (scripts/request-hook.mjs); unset: two per core, 0: no limit.
  SERVER_CONCURRENT_RENDERS: z.coerce.number({ error: "SERVER_CONCURRENT_RENDERS must be a whole number (0 for no limit)" }).int().min(0).max(1000).optional(),
  // Proxies in front of the app that append to X-Forwarded-For (scripts/request-hook.mjs): 0 = the socket's address.
  TRUSTED_PROXY_HOPS: z.coerce.number({ error: "TRUSTED_PROXY_HOPS must be a whole number" }).int().min(0).max(10).default(0),
  // Integration secrets at rest (lib/security/secrets.ts): AES-256-GCM key, and the previous one during a rotation.
  SECRETS_KEY: z.string().min(32, "SECRETS_KEY must be at least 32 characters (32 random bytes, base64url)").optional(),
  SECRETS_KEY_PREVIOUS: z.string().min(32, "SECRETS_KEY_PREVIOUS must be at least 32 characters").optional(),
  // API base URLs other than the platforms' official hosts (tests, staging, the demo): lib/security/outbound-url.ts.
  ALLOW_CUSTOM_API_URLS: flag.optional(),
  // statement_timeout of the web server's connections (interactive requests), in ms; 0 = none.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
    .number({ error: "DATABASE_STATEMENT_TIMEOUT_MS must be a number of milliseconds" })
    .int()
    .min(0)
    .max(3_600_000)
    .default(15_000),
});

const serverSchema = settingsSchema.extend({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
});

/** What the alert pass needs, read by the web server, the worker and the alerts CLI alike (it signs links). */
export const alertEnvSchema = settingsSchema
  .pick({ SMTP_URL: true, ALERTS_FROM: true, NEXTAUTH_URL: true, PORT: true, ALERTS_INTERVAL_SECONDS: true })
  .extend({ NEXTAUTH_SECRET: serverSchema.shape.NEXTAUTH_SECRET });

export type Settings = z.infer<typeof settingsSchema>;
export type Env = z.infer<typeof serverSchema>;

function parse<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

let settings: Settings | undefined;
let server: Env | undefined;

/** The optional settings (ports, folders, cache, pool): for CLIs and modules that run without a server. */
export function getSettings(): Settings {
  settings ??= parse(settingsSchema, process.env);
  return settings;
}

/**
 * NODE_OPTIONS for the Next.js server process (`npm start`, and `npm run bench`'s server, which
 * must run as it does). Under 20 concurrent renders V8 let the old space grow to 700–900 MB with
 * 170–250 MB of it live, so the server's RSS reached 0.7–1.5 GB. With a limit V8 collects sooner:
 * at 448–512 MB RSS stayed at 381–431 MB after the same load with pages per second inside the
 * run-to-run spread, but the full benchmark at 512 MB still ended at 597 MB (docs/benchmarks.md).
 * A flag already in NODE_OPTIONS wins.
 */
export function nextServerNodeOptions(existing = "", heapMb = getSettings().SERVER_HEAP_MB): string {
  if (heapMb === 0 || /--max-old-space-size/.test(existing)) return existing.trim();
  return `${existing} --max-old-space-size=${heapMb}`.trim();
}

/** Everything the web server needs, DATABASE_URL and NEXTAUTH_SECRET included. */
export function getEnv(): Env {
  server ??= parse(serverSchema, process.env);
  return server;
}

/** The alert settings from `source` (default: the environment), validated like every other variable. */
export function readAlertEnv(source: Record<string, string | undefined> = process.env): z.output<typeof alertEnvSchema> {
  return parse(alertEnvSchema, source);
}

/** Validates `source` as the server would, without caching: for start-up checks and tests. */
export function validateServerEnv(source: Record<string, string | undefined>): Env {
  return parse(serverSchema, source);
}

/**
 * Self-service sign-up at /signup: ALLOW_SIGNUP=1 turns it on, 0 off; unset, it is off in
 * production and on in development and tests. Read on each call (not cached with the rest).
 */
export function isSignUpAllowed(): boolean {
  const { ALLOW_SIGNUP, NODE_ENV } = parse(settingsSchema.pick({ ALLOW_SIGNUP: true, NODE_ENV: true }), process.env);
  if (ALLOW_SIGNUP) return ALLOW_SIGNUP === "1";
  return NODE_ENV !== "production";
}
