// `npm run db:seed`: applies migrations and loads the demo data into DATABASE_URL (or the
// embedded default). Running it again changes nothing.
import path from "node:path";
import { createPrismaClient } from "../lib/database/client";
import { openDatabase } from "../lib/database/runtime";
import { seedDemo } from "../lib/seed/demo";
import { getSettings } from "@/lib/env";

const database = await openDatabase({ dataDir: path.resolve(getSettings().DATA_DIR, "pglite") });
const prisma = createPrismaClient(database.url, 2);
try {
  const result = await seedDemo(prisma, new Date());
  console.log(result.created ? `demo data loaded: ${result.orders} orders` : "demo data already present: nothing changed");
} finally {
  await prisma.$disconnect();
  await database.stop();
}
