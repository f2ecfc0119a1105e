// The Content Security Policy, built per request with a fresh nonce (proxy.ts). Next reads the
// nonce from the request's CSP header and puts it on its own inline and bundle scripts, so
// `script-src` needs no 'unsafe-inline': an injected <script> without the nonce does not run.
// 'strict-dynamic' lets those trusted scripts load the page's chunks. Styles keep
// 'unsafe-inline' (React style attributes, the chart library): styles cannot run code.

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's dev build evaluates code for its error overlay; never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
