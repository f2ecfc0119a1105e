// Preloaded into the `next start` process by scripts/start.ts (NODE_OPTIONS=--import); sees every
// request before Next does.
// 1. A path whose percent-encoding is broken, or a NUL byte in path or query, is answered 400 here.
//    Next would throw while decoding route parameters (a 500), and proxy.ts cannot see requests
//    with bodies to /api (it would make Next buffer them).
// 2. It sets the `x-client-address` request header to the real client address, and removes any
//    value a client sent. Next itself only fills `x-forwarded-for` when a client did
// not send one, so that header alone cannot be trusted: anyone can rotate it to dodge per-address
// limits. The rule: the socket's peer is the nearest hop; each of the TRUSTED_PROXY_HOPS proxies
// in front appends the address it saw to X-Forwarded-For, so the client is the entry that many
// places from the right of [...X-Forwarded-For, peer]. With 0 (the default) only the peer counts.
import http from "node:http";
import net from "node:net";

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

/** Installs both on every request of `target` (one server, or by default every server). */
export function install(target) {
  const hops = trustedHops();
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
    }
    return emit.call(this, event, req, ...rest);
  };
}

if (process.env.CLIENT_ADDRESS_HOOK === "1") install();
