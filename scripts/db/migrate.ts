// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded default).
import path from "node:path";
import { openDatabase } from "../../lib/database/runtime";
import { getSettings } from "@/lib/env";

const database = await openDatabase({ dataDir: path.resolve(getSettings().DATA_DIR, "pglite") });
console.log(`${database.mode} database is up to date`);
await database.stop();
