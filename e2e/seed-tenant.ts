// `tsx e2e/seed-tenant.ts <key>`: creates one test organisation (lib/seed/demo.ts seedTenant) in
// DATABASE_URL and prints it as JSON. A separate process because Playwright's loader cannot import
// the rule engine's data files (JSON modules); tsx can.
import { createPrismaClient } from "../lib/database/client";
import { seedTenant } from "../lib/seed/demo";

const [key, url] = process.argv.slice(2);
if (!key || !url) {
  console.error("usage: tsx e2e/seed-tenant.ts <key> <database url>");
  process.exit(2);
}
const prisma = createPrismaClient(url, 1);
try {
  console.log(JSON.stringify(await seedTenant(prisma, key, new Date(), { orders: 300 })));
} finally {
  await prisma.$disconnect();
}
