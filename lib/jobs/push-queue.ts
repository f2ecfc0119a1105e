import PgBoss from "pg-boss";
import type { Db } from "@/lib/database/client";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";
import { duePushes, runPush, type PushOptions, type PushOutcome } from "@/lib/channels/push";
import { queueStockChanges } from "@/lib/channels/stock-push";
import { queueTokenRefreshes } from "@/lib/channels/token-refresh";

// The write-back's jobs. A push is a ChannelPush row (lib/channels/push.ts) and a pg-boss job
// naming it ("channel-push", one per push id at a time); workers take them one at a time. A sweep
// every minute re-sends the rows whose time has come (retries after their backoff, rows a dead
// worker left behind, rows whose job could not be sent) and queues the TikTok token refreshes.
// On the embedded database (one session, no pg-boss) an in-process runner does the same, one push
// at a time.

export const CHANNEL_PUSH_QUEUE = "channel-push";
export const CHANNEL_PUSH_SWEEP_QUEUE = "channel-push-sweep";
export const CHANNEL_PUSH_SWEEP_CRON = "* * * * *";

export type ChannelPushJobData = { pushId: string };

type Log = (line: string) => void;

export async function createPushQueues(boss: PgBoss): Promise<void> {
  // "short": at most one queued job per push id (its singletonKey); a job a dead worker left active
  // does not block the next one, and the push row's lease keeps two runners apart.
  await boss.createQueue(CHANNEL_PUSH_QUEUE, { name: CHANNEL_PUSH_QUEUE, policy: "short" });
  await boss.createQueue(CHANNEL_PUSH_SWEEP_QUEUE);
}

/** One job per push, keyed by the push: a push already waiting in the queue gets no second job. */
export async function sendPushJobs(boss: PgBoss, pushIds: readonly string[], startAfter?: Date): Promise<void> {
  for (const pushId of pushIds) {
    await boss.send(CHANNEL_PUSH_QUEUE, { pushId } satisfies ChannelPushJobData, {
      singletonKey: pushId,
      retryLimit: 0,
      ...(startAfter ? { startAfter } : {}),
    });
  }
}

/** Looks back over two sweep intervals: a late or missed sweep loses no change (an unchanged quantity queues nothing). */
const STOCK_LOOK_BACK_MS = 2 * 60_000;

export async function sweepPushes(db: Db, now: Date): Promise<string[]> {
  await queueTokenRefreshes(db, now);
  await queueStockChanges(db, new Date(now.getTime() - STOCK_LOOK_BACK_MS), now);
  return duePushes(db, now);
}

export async function workChannelPushes(boss: PgBoss, db: Db, log: Log = console.log, options: PushOptions = {}): Promise<void> {
  await boss.schedule(CHANNEL_PUSH_SWEEP_QUEUE, CHANNEL_PUSH_SWEEP_CRON, {}, { tz: "UTC", retryLimit: 0 });
  await boss.work(CHANNEL_PUSH_SWEEP_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    const due = await sweepPushes(db, new Date());
    await sendPushJobs(boss, due);
    if (due.length) log(JSON.stringify({ pushesQueued: due.length }));
  });
  await boss.work<ChannelPushJobData>(CHANNEL_PUSH_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const outcome = await runPush(db, job.data.pushId, new Date(), options);
    log(JSON.stringify({ job: job.id, push: job.data.pushId, ...describeOutcome(outcome) }));
    // The backoff is the row's: the retry is a new job that starts when it is due.
    if (outcome.status === "RETRY") await sendPushJobs(boss, [job.data.pushId], outcome.nextAttemptAt);
  });
}

function describeOutcome(outcome: PushOutcome): Record<string, unknown> {
  return outcome.status === "SENT"
    ? { status: "SENT", platformId: outcome.platformId }
    : outcome.status === "SKIPPED"
      ? { status: "SKIPPED" }
      : { status: outcome.status, message: outcome.message };
}

// ---------------------------------------------------------------------------------------------
// Dispatch from the web process

export type PushDispatcher = (pushIds: readonly string[]) => Promise<void>;

const state = globalThis as { pushDispatcher?: PushDispatcher; pushSender?: Promise<PgBoss> };

/** Tests replace the dispatcher (and run the pushes themselves with runPush). */
export function setPushDispatcher(dispatcher: PushDispatcher | undefined): void {
  state.pushDispatcher = dispatcher;
}

/**
 * Hands new pushes to whoever writes them: the in-process runner on the embedded database, the
 * queue otherwise. The row is already committed, so a send that fails loses nothing: the workers'
 * sweep finds the row within a minute.
 */
export async function dispatchPushes(db: Db, databaseUrl: string, pushIds: readonly string[]): Promise<void> {
  if (pushIds.length === 0) return;
  if (state.pushDispatcher) return state.pushDispatcher(pushIds);
  if (isEmbeddedUrl(databaseUrl)) {
    inProcessRunner(db).enqueue(pushIds);
    return;
  }
  try {
    state.pushSender ??= (async () => {
      const boss = new PgBoss({ connectionString: databaseUrl, max: 2, supervise: false, schedule: false, application_name: "seller-dashboard-web" });
      boss.on("error", (error: unknown) => console.error("[push-queue]", error));
      await boss.start();
      await createPushQueues(boss);
      return boss;
    })();
    await sendPushJobs(await state.pushSender, pushIds);
  } catch (error) {
    state.pushSender = undefined;
    console.error("[push-queue] job not sent; the worker's sweep will pick the push up:", error);
  }
}

// ---------------------------------------------------------------------------------------------
// In-process runner (embedded database)

type Runner = { enqueue: (ids: readonly string[]) => void; idle: () => Promise<void> };
const runnerState = globalThis as { pushRunner?: Runner };

/** One push at a time, in the order they came; a retry is scheduled for when it is due; a sweep every minute. */
export function inProcessRunner(db: Db, options: PushOptions & { sweep?: boolean } = {}): Runner {
  if (runnerState.pushRunner) return runnerState.pushRunner;
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (ids: readonly string[]) => {
    for (const id of ids) {
      chain = chain.then(async () => {
        try {
          const outcome = await runPush(db, id, new Date(), options);
          if (outcome.status === "RETRY") setTimeout(() => enqueue([id]), Math.max(0, outcome.nextAttemptAt.getTime() - Date.now())).unref();
        } catch (error) {
          console.error("[push-runner]", error);
        }
      });
    }
  };
  const sweepNow = () =>
    void sweepPushes(db, new Date())
      .then(enqueue)
      .catch((error: unknown) => console.error("[push-runner] sweep:", error));
  if (options.sweep !== false) {
    setInterval(sweepNow, 60_000).unref();
    // Pushes a previous run left pending are picked up at once.
    setTimeout(sweepNow, 5_000).unref();
  }
  runnerState.pushRunner = { enqueue, idle: () => chain };
  return runnerState.pushRunner;
}
