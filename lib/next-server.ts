import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { nextServerNodeOptions } from "@/lib/env";

/**
 * Starts Next's production server the one way `npm start` and the benchmark both use: Next's own
 * binary under plain node (not `npx`, whose npm and shell layers did not pass SIGTERM on), with
 * the request hook preloaded (scripts/request-hook.mjs: the trusted client address, 400 for broken
 * addresses, the render lane) and the heap limit of lib/env.ts.
 */
export function spawnNextServer(options: {
  port: string | number;
  host?: string;
  env: NodeJS.ProcessEnv;
  root?: string;
  stdio: "inherit" | ("ignore" | "inherit" | "pipe")[];
  detached?: boolean;
}): ChildProcess {
  const root = options.root ?? process.cwd();
  const hook = pathToFileURL(path.join(root, "scripts/request-hook.mjs")).href;
  const args = [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(options.port), ...(options.host ? ["-H", options.host] : [])];
  return spawn(process.execPath, args, {
    stdio: options.stdio,
    detached: options.detached,
    env: { ...options.env, CLIENT_ADDRESS_HOOK: "1", NODE_OPTIONS: nextServerNodeOptions(`${options.env.NODE_OPTIONS ?? ""} --import ${hook}`) },
  });
}
