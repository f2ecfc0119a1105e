// Where to send the user after sign-in. Only a path of this app is followed; anything else lands
// on "/". Browsers forgive a lot in URLs: they read `\` as `/`, drop tabs and newlines anywhere,
// and treat `//host` as another host, so `/\evil.example/`, `/%09/evil.example/` or
// `/%0A/evil.example` are other sites. The path is therefore refused on any control character or
// backslash, then resolved against a placeholder origin and kept only if it stays there and its
// normalised path does not itself start with `//`.

const PLACEHOLDER = "http://app.invalid";
const MAX_LENGTH = 2048;

export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER || url.pathname.startsWith("//")) return fallback;
  // The sign-in page itself would loop.
  if (url.pathname === "/login") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
