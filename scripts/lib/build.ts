import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { getSettings } from "@/lib/env";

const root = process.cwd();
export const distDir = () => process.env.NEXT_DIST_DIR || ".next";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build, or a source file is newer than it. */
export function buildIsStale(): boolean {
  const buildId = path.join(root, distDir(), "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public"].filter((d) => existsSync(d)).map((d) => newestMtime(path.join(root, d)));
  const files = ["package-lock.json", "next.config.js", "postcss.config.mjs"].filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs);
  return Math.max(...sources, ...files) > built;
}

/** Runs a command with inherited output; exits this process with its code if it fails. */
export function runOrExit(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function buildIfStale() {
  if (getSettings().SKIP_BUILD !== "1" && buildIsStale()) runOrExit("npx", ["next", "build"]);
}
