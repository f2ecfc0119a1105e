// The Content-Security-Policy is set per request by proxy.ts, with a nonce for Next's scripts
// (lib/security/csp.ts); these headers are the same for every response.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

import createNextIntlPlugin from "next-intl/plugin";

// Messages and the viewer's language per request (no locale in the URL: a user's own choice,
// else Accept-Language).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Separate build folders let several e2e runs (each with its own server) share a checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Server-only packages with WebAssembly or native-ish internals stay out of the bundle.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "exceljs",
    "date-holidays",
  ],
  typedRoutes: false,
  experimental: {
    // The ECB's whole reference-rate history (eurofxref-hist.csv, ~1.5 MB) is uploaded through a
    // server action on /settings (lib/actions/reporting-currency.ts, which refuses files over 3 MB);
    // Next's default of 1 MB would refuse it before the action can say why.
    serverActions: { bodySizeLimit: "4mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // A share link carries its token in the URL: never leak it through the Referer header.
      {
        source: "/share/:token*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
