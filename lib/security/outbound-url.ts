import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors";

// Where the server may send requests on a tenant's behalf. An owner can type an API base URL (and,
// for alerts, a Slack or webhook URL); without a rule, sync would connect wherever that points —
// the database, an admin port, the cloud metadata service (blind SSRF). So:
// - by default only the platform's official hosts, over https;
// - other hosts only when the operator allows them (ALLOW_CUSTOM_API_URLS=1: the tests' and the
//   demo's fake platforms on loopback), and then still https except on loopback;
// - never link-local or cloud-metadata addresses, checked again after DNS resolution at send time;
// - never credentials in the URL.

export const OFFICIAL_HOSTS = {
  tiktok: ["open-api.tiktokglobalshop.com"],
  slack: ["hooks.slack.com"],
} as const satisfies Record<string, readonly string[]>;

export const customUrlsAllowed = () => process.env.ALLOW_CUSTOM_API_URLS === "1";

const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"]);

/** Link-local (169.254/16, fe80::/10), unspecified, and the cloud metadata addresses. */
export function isForbiddenAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "").toLowerCase();
  // IPv4-mapped IPv6, dotted or (as URL writes it) in hex: ::ffff:a9fe:a9fe is 169.254.169.254.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)?.[1];
  if (mapped) return isForbiddenAddress(mapped);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (hex) {
    const hi = parseInt(hex[1] as string, 16);
    const lo = parseInt(hex[2] as string, 16);
    return isForbiddenAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  if (isIP(ip) === 4) {
    const [a, b] = ip.split(".").map(Number);
    return (a === 169 && b === 254) || a === 0 || ip === "100.100.100.200";
  }
  if (isIP(ip) === 6) return /^fe[89ab][0-9a-f]:/.test(ip) || ip === "::" || ip === "fd00:ec2::254";
  return false;
}

const isLoopback = (host: string) => {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
};

export type OutboundCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** The static rule (no DNS): for forms and before any connection. */
export function checkOutboundUrl(raw: string, official: readonly string[]): OutboundCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Not a URL." };
  }
  if (url.username || url.password) return { ok: false, reason: "The URL must not contain a user name or password." };
  const host = url.hostname.toLowerCase();
  if (isForbiddenAddress(host) || METADATA_HOSTS.has(host)) return { ok: false, reason: "Link-local and cloud metadata addresses are never allowed." };
  const isOfficial = official.includes(host);
  // "*": any public host (a seller's own webhook receiver): still https, and never this machine
  // unless the operator allows custom URLs (tests and the demo, whose receivers are on loopback).
  const anyPublic = official.includes("*");
  if (anyPublic && isLoopback(host) && !customUrlsAllowed()) return { ok: false, reason: "This machine's own addresses are not allowed." };
  if (!isOfficial && !anyPublic && !customUrlsAllowed()) {
    return { ok: false, reason: `Only the official host (${official.join(", ")}) is allowed; the operator can allow others with ALLOW_CUSTOM_API_URLS=1.` };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !isOfficial && isLoopback(host) && customUrlsAllowed())) {
    return { ok: false, reason: "Use an https:// address." };
  }
  return { ok: true, url };
}

type Lookup = (host: string) => Promise<{ address: string }[]>;
const defaultLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * The rule at send time: the static check, then every address the host resolves to. Throws a
 * 400 AppError naming the reason. (A host that changes its answer between this lookup and the
 * connection is not covered; the static host rule is the main guard.)
 */
export async function assertOutboundUrl(raw: string, official: readonly string[], lookup: Lookup = defaultLookup): Promise<URL> {
  const checked = checkOutboundUrl(raw, official);
  if (!checked.ok) throw new AppError("BAD_REQUEST", `Refused outbound address ${raw}: ${checked.reason}`);
  const host = checked.url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) === 0) {
    const addresses = await lookup(host).catch(() => []);
    if (addresses.some((a) => isForbiddenAddress(a.address))) {
      throw new AppError("BAD_REQUEST", `Refused outbound address ${raw}: it resolves to a link-local or metadata address.`);
    }
  }
  return checked.url;
}
