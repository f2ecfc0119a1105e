import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AlertConfig, runAlertPass } from "@/lib/alerts/pass";
import { formatInstant } from "@/lib/format";
import { createAlertOrg, createDefaultRules, createFlag, createOrder } from "./alerts-fixtures";
import { startReceiver, startSmtp } from "./alerts-servers";
import { testDb } from "./db";

// Alerts in the recipient's language (issue 21): each user's e-mails follow their own `locale`
// (none chosen: English), with the order and the deadline in the store's zone, the zone named.
// Channels without a reader of their own (Slack, a shared mailbox) speak the first owner's
// language; the outbound webhook's body stays English (a machine contract).

const prisma = testDb();
const SECRET = "integration-tests-only-secret-value";
const T = new Date("2026-03-10T17:00:00Z"); // Tuesday 10 March, 10:00 PDT
const hours = (n: number) => new Date(T.getTime() + n * 3_600_000);

let smtp: Awaited<ReturnType<typeof startSmtp>>;
const config = (): AlertConfig => ({ smtpUrl: smtp.url, from: "Alerts <alerts@dashboard.test>", baseUrl: "http://dashboard.test", secret: SECRET });
const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.stop();
  await prisma.$disconnect();
});

describe("alert e-mails in the recipient's language", () => {
  it("e-mails a Dutch user in Dutch and a Chinese user in Chinese, the deadline in the store's zone; a user without a language in English", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    await prisma.user.update({ where: { id: o.ops.id }, data: { locale: "nl" } });
    await prisma.user.update({ where: { id: o.owner.id }, data: { locale: "zh-CN" } });
    const order = await createOrder(prisma, o, { dispatchDueAt: hours(3.5), supplier: true }); // critical, 4 h lead

    const result = await runAlertPass(prisma, T, config(), o.org.id);
    expect(result).toMatchObject({ sent: 3, failed: 0 });

    const due = order.dispatchDueAt as Date;
    const zone = "America/Los_Angeles";
    const dutchDeadline = formatInstant(due, zone, "nl");
    const chineseDeadline = formatInstant(due, zone, "zh-CN");
    // 20:30 UTC is 13:30 in Los Angeles (PDT since 8 March): the store's own zone, named.
    expect(dutchDeadline).toBe("10 mrt 2026, 13:30 PDT");
    expect(chineseDeadline).toBe("2026年3月10日 13:30 PDT");

    const [dutch] = mailsTo(o.ops.email);
    expect(dutch?.subject).toBe(`[KRITIEK] Bestelling ${order.externalId} moet uiterlijk ${dutchDeadline} onderweg zijn (nog 4 u) - ${o.store.name}`);
    expect(dutch?.text).toContain("Onderweg binnen 2 werkdagen na de bestelling.");
    expect(dutch?.text).toContain("Nog niet onderweg: de eerste scan van de vervoerder moet vóór de deadline gebeuren");
    expect(dutch?.text).toContain(`Winkel: ${o.store.name} (tijden in ${zone})`);
    expect(dutch?.text).toContain(`Open de bestelling: http://dashboard.test/orders/${order.id}`);
    expect(dutch?.text).toMatch(/Bevestigen \(stopt de escalatie\): http:\/\/dashboard\.test\/links\/ack\//);
    expect(dutch?.text).toContain("Alerts en instellingen: http://dashboard.test/alerts");
    expect(dutch?.text).not.toMatch(/Open the order|must be in transit/);

    const [chinese] = mailsTo(o.owner.email);
    expect(chinese?.subject).toBe(`[严重] 订单 ${order.externalId} 须在 ${chineseDeadline} 前进入运输中（剩 4 小时） - ${o.store.name}`);
    expect(chinese?.text).toContain("下单后 2 个工作日内进入运输中。");
    expect(chinese?.text).toContain("尚未进入运输中：物流商须在截止时间前完成首次扫描，否则计为延迟发货。");
    expect(chinese?.text).toContain(`店铺：${o.store.name}（时间为 ${zone}）`);
    expect(chinese?.text).toContain(`打开订单：http://dashboard.test/orders/${order.id}`);
    expect(chinese?.text).toContain("提醒与设置：http://dashboard.test/alerts");

    // The supplier's user has chosen no language: English, as before.
    const [english] = mailsTo(o.supplierUser.email);
    expect(english?.subject).toBe(`[CRITICAL] Order ${order.externalId} must be in transit by ${formatInstant(due, zone)} (4 h left) - ${o.store.name}`);

    // The rendered HTML (what /alerts/<id> shows) is the same language, and says so.
    const rows = await prisma.alertDelivery.findMany({ where: { organizationId: o.org.id }, select: { to: true, subject: true, html: true } });
    const html = (to: string) => rows.find((r) => r.to === to)?.html ?? "";
    expect(html(o.ops.email)).toContain('<html lang="nl">');
    expect(html(o.ops.email)).toContain(">Open de bestelling</a>");
    expect(html(o.owner.email)).toContain('<html lang="zh-CN">');
    expect(html(o.owner.email)).toContain(">确认</a>");
    expect(rows.find((r) => r.to === o.owner.email)?.subject).toBe(chinese?.subject);
  });

  it("words a stored flag's alert and the daily digest in the user's language", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    await prisma.user.update({
      where: { id: o.ops.id },
      data: { locale: "nl", timeZone: "Europe/Amsterdam", alertPreference: { create: { digestTime: "08:00" } } },
    });
    const order = await createOrder(prisma, o, { dispatchDueAt: hours(100) });
    await createFlag(prisma, o, { orderId: order.id, rule: "tracking.missing", severity: "WARNING", createdAt: hours(-1), reason: "No tracking number yet" });

    // 08:00 in Amsterdam (CET, UTC+1) on 11 March: the digest, and the flag's alert on the event.
    const at8 = new Date("2026-03-11T07:00:00Z");
    await runAlertPass(prisma, new Date(at8.getTime() - 60_000), config(), o.org.id);
    await runAlertPass(prisma, at8, config(), o.org.id);
    const mails = mailsTo(o.ops.email);
    const event = mails.find((m) => m.subject.startsWith("[WAARSCHUWING]"));
    expect(event?.subject).toBe(`[WAARSCHUWING] Verzonden zonder trackingnummer bij bestelling ${order.externalId} - ${o.store.name}`);

    const digest = mails.find((m) => m.subject.startsWith("Dagoverzicht"));
    expect(digest?.subject).toBe(`Dagoverzicht: 1 open, 0 te laat, 0 kritiek - ${o.org.name}`);
    expect(digest?.text).toContain(`Dagoverzicht: ${o.org.name}, 11 mrt 2026, 07:00 UTC`);
    expect(digest?.text).toContain("1 open melding: 0 te laat,");
    expect(digest?.text).toContain("Open de risicolijst: http://dashboard.test/risk");
    expect(digest?.text).toMatch(/Afmelden voor dit dagoverzicht: http:\/\/dashboard\.test\/links\/unsubscribe\//);
  });

  it("speaks the first owner's language in Slack and keeps the webhook body English", async () => {
    const slack = await startReceiver(() => 200);
    const hook = await startReceiver(() => 200);
    try {
      const o = await createAlertOrg(prisma);
      await prisma.user.update({ where: { id: o.owner.id }, data: { locale: "zh-CN" } });
      const slackChannel = await prisma.alertChannel.create({
        data: { organizationId: o.org.id, kind: "SLACK", name: "#ops", url: slack.url("/services/T000/B000/XXX") },
      });
      const hookChannel = await prisma.alertChannel.create({
        data: { organizationId: o.org.id, kind: "WEBHOOK", name: "Ops tool", url: hook.url("/hooks/alerts"), secret: "whsec-test-1234567890" },
      });
      await prisma.alertRule.create({
        data: { organizationId: o.org.id, name: "Channels", severities: ["CRITICAL"], channelIds: [slackChannel.id, hookChannel.id] },
      });
      const order = await createOrder(prisma, o, { dispatchDueAt: hours(3) });
      await runAlertPass(prisma, T, config(), o.org.id);

      const slackBody = JSON.parse(slack.requests[0]?.body ?? "{}") as { text: string; blocks: { type: string; text?: { text: string } }[] };
      expect(slackBody.text).toBe(
        `[严重] 订单 ${order.externalId} 须在 ${formatInstant(order.dispatchDueAt as Date, "America/Los_Angeles", "zh-CN")} 前进入运输中（剩 3 小时）`,
      );
      expect(slackBody.blocks[0]?.text?.text).toBe("下单后 2 个工作日内进入运输中");

      const webhook = JSON.parse(hook.requests[0]?.body ?? "{}") as { title: string; message: string; reason: string };
      expect(webhook.title).toBe("In Transit within 2 business days of the order");
      expect(webhook.message).toMatch(new RegExp(`^Order ${order.externalId} must be in transit by .* PDT \\(3 h left\\)$`));
      expect(webhook.reason).toMatch(/^Not in transit yet/);
    } finally {
      await slack.stop();
      await hook.stop();
    }
  });
});
