// `npm run secrets:rotate`: rewrites every stored integration secret under the current
// SECRETS_KEY — plaintext ones written before encryption, and ones under a key listed in
// SECRETS_KEY_PREVIOUS. Prints {"stores","rewritten"}. See docs/security.md, key rotation.
import path from "node:path";
import { createPrismaClient } from "../lib/database/client";
import { ensureSecretsKey, openDatabase } from "../lib/database/runtime";
import { rotateStoreSecrets } from "../lib/security/rotate-secrets";

const dataRoot = path.resolve(process.env.DATA_DIR ?? ".data");
process.env.SECRETS_KEY = ensureSecretsKey(dataRoot);
const database = await openDatabase({ dataDir: path.join(dataRoot, "pglite") });
const prisma = createPrismaClient(database.url, 2);
try {
  console.log(JSON.stringify(await rotateStoreSecrets(prisma)));
} catch (error) {
  console.error(`secrets:rotate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
  await database.stop();
}
