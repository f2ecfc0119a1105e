import type { Db } from "@/lib/database/client";

// The demo's alert rules: ops and the owner hear of every warning and critical item by e-mail,
// with no quiet hours and the digest at 08:00 their time; the supplier hears of its own orders'
// dispatch deadlines (the pass sends a supplier nothing else, and never money or buyer contact).

export async function seedDemoAlerts(prisma: Db, organizationId: string): Promise<void> {
  const users = await prisma.user.findMany({ where: { organizationId }, select: { id: true, email: true, role: true } });
  const staff = users.filter((u) => u.role !== "SUPPLIER");
  await prisma.user.updateMany({ where: { organizationId }, data: { timeZone: "America/Los_Angeles" } });
  for (const u of staff) {
    await prisma.alertPreference.upsert({ where: { userId: u.id }, create: { userId: u.id, email: true, digestTime: "08:00" }, update: {} });
  }
  await prisma.alertRule.createMany({
    data: [
      {
        organizationId,
        name: "Every warning and critical item",
        severities: ["WARNING", "CRITICAL"],
        recipientUserIds: staff.filter((u) => u.email === "ops@demo.test" || u.email === "owner@demo.test").map((u) => u.id),
        escalateAfterMinutes: 60,
      },
      {
        organizationId,
        name: "Supplier: own orders' dispatch deadlines",
        rules: ["fulfillment.dispatch_deadline"],
        recipientRoles: ["SUPPLIER"],
        escalateAfterMinutes: null,
      },
    ],
    skipDuplicates: true,
  });
}
