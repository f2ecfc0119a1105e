import { runAlertPass } from "../lib/alerts/pass";
import { createPrismaClient } from "../lib/database/client";
const prisma = createPrismaClient(process.env.DATABASE_URL as string, 4);
const org = await prisma.organization.findFirstOrThrow({ where: { name: { startsWith: "Bench" } }, select: { id: true, name: true } });
await prisma.alertDelivery.deleteMany({ where: { organizationId: org.id } });
const cfg = { smtpUrl: null, from: "b <b@localhost>", baseUrl: "http://localhost", secret: "bench-secret-0123456789" };
const now = new Date();
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  const r = await runAlertPass(prisma, now, cfg, org.id);
  console.log(JSON.stringify({ pass: i, seconds: (performance.now() - t) / 1000, attempts: r.attempts.length }));
}
await prisma.$disconnect();
