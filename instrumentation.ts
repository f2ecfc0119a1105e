// Next.js calls register() once when the server starts. The environment is validated before the
// first request, so a wrong variable stops the start with its name (lib/env.ts). On the embedded
// default (no worker process) the alert passes run here, every ALERTS_INTERVAL_SECONDS (0 = off).
// The write-back's in-process runner starts here too, so pushes left pending by the last run,
// token refreshes and stock changes are picked up without a first fix.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  // The policy calendar's holidays (both markets, last year to next) are worked out by
  // date-holidays once per process: ~75 ms of CPU the first view of the day's figures would
  // otherwise wait for (docs/benchmarks.md).
  const { warmHolidayCalendars } = await import("./lib/policy/business-days");
  warmHolidayCalendars(new Date());
  if (env.DATABASE_MODE !== "embedded") return;
  const { db } = await import("@/lib/db");
  const { inProcessRunner } = await import("@/lib/jobs/push-queue");
  inProcessRunner(db);
  const { alertConfigFromEnv } = await import("@/lib/alerts/config");
  const config = alertConfigFromEnv();
  if (config.intervalSeconds === 0) return;
  const { startAlertScheduler } = await import("@/lib/alerts/scheduler");
  startAlertScheduler(db, config, config.intervalSeconds);
  console.log(`[alerts] passes every ${config.intervalSeconds} s in this process${config.smtpUrl ? "" : " (no SMTP_URL: e-mails are stored, not sent)"}`);
}
