import type { ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { spawnNextServer } from "@/lib/next-server";

// The production server under load, driven from this (second) process over loopback.

export async function startServer(options: {
  port: number;
  env: Record<string, string>;
}): Promise<{ baseUrl: string; pid: number; stop: () => Promise<void> }> {
  // With the heap limit `npm start` gives it (lib/env.ts), so rss_mb is the real server's.
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, NODE_ENV: "production" };
  // Started as `npm start` starts it (lib/next-server.ts), request hook and render lane included.
  const child: ChildProcess = spawnNextServer({ port: options.port, host: "127.0.0.1", env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, pid: child.pid as number, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error("next start did not answer /api/health within 2 minutes");
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] as string);
}

/** Signs in through next-auth's credentials endpoint and returns the Cookie header to send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfResponse);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookies = [...jar, ...cookiesOf(response)];
  if (!cookies.some((c) => c.includes("session-token="))) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return cookies.join("; ");
}

/**
 * Compressed size of the JavaScript a first visit to `pagePath` downloads: every script the
 * HTML references, gzipped as a server would send it.
 */
export async function firstLoadJsKb(baseUrl: string, pagePath: string, cookie: string, distDir: string): Promise<{ kb: number; files: number }> {
  const html = await (await fetch(`${baseUrl}${pagePath}`, { headers: { cookie } })).text();
  const sources = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1] as string));
  let bytes = 0;
  for (const src of sources) {
    const relative = decodeURIComponent(src.replace(/^\/_next\//, ""));
    bytes += gzipSync(readFileSync(path.join(distDir, relative)), { level: 9 }).length;
  }
  return { kb: Math.round((bytes / 1024) * 10) / 10, files: sources.size };
}

/**
 * Resident memory of the server: the largest process of its process group (the Next.js server
 * itself; npx and the CLI wrapper are small) and the group's total, in MB. Linux /proc only.
 */
export function serverRssMb(groupId: number): { largestMb: number; totalMb: number; processes: number } {
  let largest = 0;
  let total = 0;
  let processes = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command's closing parenthesis: state, ppid, pgrp, …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      const kb = rss ? Number(rss[1]) : 0;
      processes++;
      total += kb;
      largest = Math.max(largest, kb);
    } catch {
      // the process ended meanwhile
    }
  }
  return { largestMb: Math.round(largest / 1024), totalMb: Math.round(total / 1024), processes };
}

/** Wall time of one GET (the whole body, streamed sections included), in ms, and its status. */
export async function timeGet(url: string, cookie: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  return { ms: Math.round((performance.now() - started) * 10) / 10, status: response.status };
}
