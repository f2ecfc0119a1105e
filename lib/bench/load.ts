import http from "node:http";

// A closed-loop HTTP load generator: `connections` clients, each sending its next request as
// soon as the previous answer arrives, for `durationMs`. Latencies are kept whole, so p95 is
// exact rather than read off a coarse histogram.

export type LoadResult = { requests: number; errors: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; rps: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

function request(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, headers, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export async function runLoad(options: {
  url: string;
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
  maxRequests?: number;
}): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const client = async () => {
    while (performance.now() < deadline && latencies.length + errors < maxRequests) {
      const t = performance.now();
      try {
        const status = await request(agent, url, options.headers ?? {});
        if (status >= 400) errors++;
        else latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: latencies.length + errors,
    errors,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
    rps: round((latencies.length + errors) / elapsed),
  };
}
