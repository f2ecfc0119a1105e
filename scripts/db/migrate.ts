// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded default).
import path from "node:path";
import { openDatabase } from "../../lib/database/runtime";

const database = await openDatabase({ dataDir: path.resolve(process.env.DATA_DIR ?? ".data", "pglite") });
console.log(`${database.mode} database is up to date`);
await database.stop();
