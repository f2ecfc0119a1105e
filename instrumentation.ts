// Runs once when the Next server starts: the environment is validated before the first request,
// so a wrong variable stops the start with its name (lib/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  getEnv();
}
