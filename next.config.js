/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Separate build folders let several e2e runs (each with its own server) share a checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Server-only packages with WebAssembly or native-ish internals stay out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/schema-engine-wasm", "exceljs", "date-holidays"],
  typedRoutes: false,
};

export default nextConfig;
