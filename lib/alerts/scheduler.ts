import type { Db } from "@/lib/database/client";
import { type AlertConfig, runAlertPass } from "./pass";

// The in-process scheduler for the embedded default (`npm start` without DATABASE_URL): a pass
// every interval inside the web server, one at a time, so a new user sees alerts without running
// a worker. With a PostgreSQL server, `npm run worker` runs the passes on pg-boss's cron instead.

export type Scheduler = { stop: () => void; runOnce: () => Promise<void> };

export function startAlertScheduler(client: Db, config: AlertConfig, intervalSeconds: number, log: (line: string) => void = console.log): Scheduler {
  let running: Promise<void> | null = null;
  const runOnce = () => {
    // One pass at a time: a slow pass (SMTP timeouts) makes the next tick skip, not pile up.
    if (running) return running;
    running = runAlertPass(client, new Date(), config)
      .then((r) => {
        if (r.attempts.length) log(`[alerts] ${JSON.stringify({ sent: r.sent, held: r.held, failed: r.failed })}`);
      })
      .catch((error: unknown) => log(`[alerts] pass failed: ${(error as Error).message}`))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runOnce(), intervalSeconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
