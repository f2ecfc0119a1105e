import { alertEnvSchema } from "@/lib/env";
import type { AlertConfig } from "./pass";

/** The alert pass's configuration from the environment (SMTP_URL, ALERTS_FROM, NEXTAUTH_URL, NEXTAUTH_SECRET). */
export function alertConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AlertConfig & { intervalSeconds: number } {
  const parsed = alertEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const e = parsed.data;
  return {
    smtpUrl: e.SMTP_URL ?? null,
    from: e.ALERTS_FROM,
    baseUrl: (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT ?? "3000"}`).replace(/\/+$/, ""),
    secret: e.NEXTAUTH_SECRET,
    intervalSeconds: e.ALERTS_INTERVAL_SECONDS,
  };
}

/** For screens: is e-mail really sent, or only stored? */
export function emailIsSent(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL);
}
