// `npm run bench:data -- --orders N --stores S [--seed K]`: fills DATABASE_URL (or the embedded
// default) with the benchmark organisation. Prints one JSON line.
import path from "node:path";
import { generateBenchData } from "../../lib/bench/generate";
import { createPrismaClient } from "../../lib/database/client";
import { openDatabase } from "../../lib/database/runtime";
import { intOption } from "./args";
import { getSettings } from "@/lib/env";

const orders = intOption("orders", 100_000);
const stores = intOption("stores", 50);
const seed = intOption("seed", 1);
const database = await openDatabase({ dataDir: path.resolve(getSettings().DATA_DIR, "pglite") });
const prisma = createPrismaClient(database.url, 4);
try {
  const result = await generateBenchData(prisma, database.url, { orders, stores, seed, log: (line) => console.error(`[bench:data] ${line}`) });
  console.log(JSON.stringify(result));
} finally {
  await prisma.$disconnect();
  await database.stop();
}
