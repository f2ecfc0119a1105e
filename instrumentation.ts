// Runs once when the Next server starts: the environment is validated before the first request,
// so a wrong variable stops the start with its name (lib/env.ts). On the embedded database (no
// worker process, no pg-boss) the write-back's in-process runner starts here, so pushes left
// pending by the last run, token refreshes and stock changes are picked up without a first fix.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  const { isEmbeddedUrl } = await import("./lib/database/embedded-url");
  if (isEmbeddedUrl(env.DATABASE_URL)) {
    const [{ db }, { inProcessRunner }] = await Promise.all([import("./lib/db"), import("./lib/jobs/push-queue")]);
    inProcessRunner(db);
  }
}
