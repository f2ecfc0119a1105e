// Preloaded into the `next start` process by scripts/start.ts (NODE_OPTIONS=--import); sees every
// request before Next does.
// 1. A path whose percent-encoding is broken, or a NUL byte in path or query, is answered 400 here.
//    Next would throw while decoding route parameters (a 500), and proxy.ts cannot see requests
//    with bodies to /api (it would make Next buffer them).
// 3. Page views and reads (GET, HEAD) enter Next at most SERVER_CONCURRENT_RENDERS at a time
//    (default: two per core); the others wait in arrival order. See createRequestLane below.
// 2. It sets the `x-client-address` request header to the real client address, and removes any
//    value a client sent. Next itself only fills `x-forwarded-for` when a client did
// not send one, so that header alone cannot be trusted: anyone can rotate it to dodge per-address
// limits. The rule: the socket's peer is the nearest hop; each of the TRUSTED_PROXY_HOPS proxies
// in front appends the address it saw to X-Forwarded-For, so the client is the entry that many
// places from the right of [...X-Forwarded-For, peer]. With 0 (the default) only the peer counts.
import http from "node:http";
import net from "node:net";
import { availableParallelism } from "node:os";

export const HEADER = "x-client-address";

/** The client address, or null when the chain is shorter than the configured hops or not an IP. */
export function deriveClientAddress(forwardedFor, peer, hops) {
  const chain = [];
  const values = Array.isArray(forwardedFor) ? forwardedFor : forwardedFor ? [forwardedFor] : [];
  for (const value of values) for (const part of String(value).split(",")) if (part.trim()) chain.push(part.trim());
  if (peer) chain.push(peer);
  const index = chain.length - 1 - hops;
  if (index < 0) return null;
  let address = chain[index];
  // IPv4-mapped IPv6 (::ffff:1.2.3.4) is the IPv4 client; strip brackets and ports proxies may add.
  address = address
    .replace(/^\[(.*)\](:\d+)?$/, "$1")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1")
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return net.isIP(address) ? address.toLowerCase() : null;
}

export function trustedHops() {
  const raw = process.env.TRUSTED_PROXY_HOPS ?? "0";
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, got "${raw}"`);
  return hops;
}

/** Why a request target cannot be served, or null: broken percent-encoding or a NUL byte. */
export function refuseTarget(target) {
  const raw = String(target || "/");
  const q = raw.indexOf("?");
  const path = q === -1 ? raw : raw.slice(0, q);
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return "The address has a broken percent-encoding.";
  }
  if (decoded.includes("\u0000") || /%00/i.test(raw) || raw.includes("\u0000")) return "The address contains a NUL character.";
  return null;
}

/**
 * How many page views and reads may be inside Next at once: SERVER_CONCURRENT_RENDERS, default two
 * per core, 0 for no limit.
 */
export function concurrentRenders() {
  const raw = process.env.SERVER_CONCURRENT_RENDERS;
  if (raw === undefined || raw === "") return 2 * availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new Error(`SERVER_CONCURRENT_RENDERS must be a whole number from 0 to 1000, got "${raw}"`);
  return n;
}

/**
 * Downloads streamed at the client's pace: the orders export (every order of the filters) and an
 * import's error file. Held in the lane, a few slow downloads would hold every place for minutes.
 */
const STREAMED_DOWNLOADS = /^\/api\/(orders\/export|imports\/[^/?]+\/errors\.csv)(\?|$)/;

/** Requests the lane never holds back: writes, static files, downloads, and the health check a supervisor polls. */
function passesFreely(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return true;
  const url = String(req.url || "/");
  return url.startsWith("/_next/static/") || url === "/api/health" || url.startsWith("/api/health?") || STREAMED_DOWNLOADS.test(url);
}

/**
 * Admission control for the one Node thread that renders every page. Twenty page views rendered
 * at once each keep their React trees and streamed payloads alive twenty times as long as one at
 * a time: the heap grew by ~80 MB between major collections, whose pauses (up to 170 ms) landed
 * in the slowest requests, and the overview's p95 under 20 clients varied from 1.1 to 1.7 times
 * the floor page's. With at most two renders per core in flight and the rest waiting in arrival
 * order, the CPU is just as busy, each render finishes sooner and the tail shrinks
 * (docs/benchmarks.md). Only GET and HEAD wait: writes (uploads, webhooks, server actions) hold
 * a connection while their body arrives, and downloads while the client reads them; neither may
 * block the views behind them. A waiting
 * request whose client leaves is dropped before Next sees it; beyond `queueLimit` waiting, the
 * answer is 503 with Retry-After rather than an ever longer wait.
 */
export function createRequestLane({ limit, queueLimit = 1000 }) {
  let inFlight = 0;
  const waiting = [];
  const stats = { admitted: 0, queued: 0, dropped: 0, refused: 0 };

  function start(req, res, handle) {
    inFlight++;
    stats.admitted++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
      next();
    };
    res.once("finish", release);
    res.once("close", release);
    handle();
  }

  function next() {
    while (inFlight < limit && waiting.length) {
      const item = waiting.shift();
      // The client went away while it waited: nothing to render for.
      if (item.gone || item.req.socket?.destroyed) {
        stats.dropped++;
        continue;
      }
      item.res.off("close", item.onClose);
      start(item.req, item.res, item.handle);
    }
  }

  /** Runs `handle` now, or once a place frees, or answers 503 when too many wait already. */
  function admit(req, res, handle) {
    if (limit === 0 || passesFreely(req)) return handle();
    if (inFlight < limit) return start(req, res, handle);
    if (waiting.length >= queueLimit) {
      stats.refused++;
      const body = JSON.stringify({ error: "BUSY", message: "The server is busy; try again in a moment." });
      res.writeHead(503, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "retry-after": "2" });
      res.end(body);
      req.resume();
      return;
    }
    stats.queued++;
    const item = { req, res, handle, gone: false, onClose: () => (item.gone = true) };
    res.once("close", item.onClose);
    waiting.push(item);
  }

  return { admit, stats, inFlight: () => inFlight, waiting: () => waiting.length };
}

/** Installs all three on every request of `target` (one server, or by default every server). */
export function install(target, options = {}) {
  const hops = trustedHops();
  const lane = createRequestLane({ limit: options.concurrency ?? concurrentRenders(), queueLimit: options.queueLimit });
  const owner = target || http.Server.prototype;
  const emit = owner.emit;
  owner.emit = function emitWithClientAddress(event, req, ...rest) {
    if (event === "request" && req && req.headers) {
      const refused = refuseTarget(req.url);
      const res = rest[0];
      if (refused && res && typeof res.writeHead === "function") {
        const body = JSON.stringify({ error: "BAD_REQUEST", message: refused });
        res.writeHead(400, { "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close" });
        res.end(body);
        req.resume();
        return true;
      }
      delete req.headers[HEADER];
      const address = deriveClientAddress(req.headers["x-forwarded-for"], req.socket && req.socket.remoteAddress, hops);
      if (address) req.headers[HEADER] = address;
      if (res) {
        lane.admit(req, res, () => emit.call(this, event, req, ...rest));
        return true;
      }
    }
    return emit.call(this, event, req, ...rest);
  };
}

if (process.env.CLIENT_ADDRESS_HOOK === "1") install();
