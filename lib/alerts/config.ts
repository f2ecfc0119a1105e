import { getSettings, readAlertEnv } from "@/lib/env";
import type { AlertConfig } from "./pass";

/** The alert pass's configuration from the environment (SMTP_URL, ALERTS_FROM, NEXTAUTH_URL, NEXTAUTH_SECRET). */
export function alertConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AlertConfig & { intervalSeconds: number } {
  const e = readAlertEnv(env);
  return {
    smtpUrl: e.SMTP_URL ?? null,
    from: e.ALERTS_FROM,
    baseUrl: (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    secret: e.NEXTAUTH_SECRET,
    intervalSeconds: e.ALERTS_INTERVAL_SECONDS,
  };
}

/** For screens: is e-mail really sent, or only stored? */
export function emailIsSent(): boolean {
  return Boolean(getSettings().SMTP_URL);
}
