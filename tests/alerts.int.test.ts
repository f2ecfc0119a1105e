import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AlertConfig, runAlertPass } from "@/lib/alerts/pass";
import { acknowledgeByToken, unsubscribeByToken } from "@/lib/alerts/links";
import { signLink } from "@/lib/alerts/link-tokens";
import { formatInstant } from "@/lib/format";
import { createAlertOrg, createDefaultRules, createFlag, createOrder } from "./alerts-fixtures";
import { freePort, startReceiver, startSmtp } from "./alerts-servers";
import { testDb } from "./db";

// Alert passes against real servers on loopback: an SMTP server that records what it is sent,
// and an HTTP receiver standing in for Slack and a webhook consumer. Every instant is fixed.

const prisma = testDb();
const SECRET = "integration-tests-only-secret-value";
const T = new Date("2026-03-10T17:00:00Z"); // Tuesday 10 March, 10:00 PDT
const hours = (n: number) => new Date(T.getTime() + n * 3_600_000);
const minutes = (n: number) => new Date(T.getTime() + n * 60_000);

let smtp: Awaited<ReturnType<typeof startSmtp>>;
const config = (smtpUrl: string | null = smtp.url): AlertConfig => ({
  smtpUrl,
  from: "Alerts <alerts@dashboard.test>",
  baseUrl: "http://dashboard.test",
  secret: SECRET,
});

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.stop();
  await prisma.$disconnect();
});

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

describe("alert pass over e-mail", () => {
  it("e-mails ops and the owner once per lead time, naming the order and the deadline in the store's zone, with links", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    const soon = await createOrder(prisma, o, { dispatchDueAt: hours(3.5) }); // critical, 4 h lead
    const later = await createOrder(prisma, o, { dispatchDueAt: hours(20) }); // warning, 24 h lead
    await createOrder(prisma, o, { dispatchDueAt: hours(40) }); // not yet: beyond the 24 h lead
    await createOrder(prisma, o, { dispatchDueAt: hours(2), status: "IN_TRANSIT" }); // dispatched

    const first = await runAlertPass(prisma, T, config(), o.org.id);
    expect(first.attempts.map((a) => [a.to, a.orderId, a.status]).sort()).toEqual(
      [
        [o.ops.email, soon.id, "sent"],
        [o.ops.email, later.id, "sent"],
        [o.owner.email, soon.id, "sent"],
        [o.owner.email, later.id, "sent"],
      ].sort(),
    );
    expect(first).toMatchObject({ sent: 4, held: 0, failed: 0 });
    expect(first.attempts.every((a) => a.channel === "email" && a.rule === "fulfillment.dispatch_deadline")).toBe(true);

    const opsMail = mailsTo(o.ops.email).find((m) => m.subject.includes(soon.externalId));
    expect(opsMail).toBeDefined();
    const deadline = formatInstant(soon.dispatchDueAt as Date, "America/Los_Angeles");
    expect(deadline).toMatch(/PDT$/);
    expect(opsMail?.subject).toBe(`[CRITICAL] Order ${soon.externalId} must be in transit by ${deadline} (4 h left) - ${o.store.name}`);
    expect(opsMail?.from).toBe("alerts@dashboard.test");
    expect(opsMail?.text).toContain(`Open the order: http://dashboard.test/orders/${soon.id}`);
    const ack = opsMail?.text.match(/http:\/\/dashboard\.test\/links\/ack\/([A-Za-z0-9_.-]+)/);
    expect(ack?.[1]).toBeTruthy();
    // No money or buyer contact in any alert.
    for (const m of mailsTo(o.ops.email)) expect(m.raw).not.toMatch(/9,876\.54|987654|brenda|555 0199|Secret Lane/i);

    // The same instant again: nothing new is created or sent.
    const before = smtp.mails.length;
    const second = await runAlertPass(prisma, T, config(), o.org.id);
    expect(second).toEqual({ attempts: [], sent: 0, held: 0, failed: 0 });
    expect(smtp.mails.length).toBe(before);

    // Eight and a half hours on, the first deadline has passed; the second reaches its 12 h lead.
    const third = await runAlertPass(prisma, hours(8.5), config(), o.org.id);
    expect(third.attempts.map((a) => [a.to, a.orderId]).sort()).toEqual(
      [
        [o.ops.email, later.id],
        [o.owner.email, later.id],
      ].sort(),
    );
    expect(
      mailsTo(o.ops.email)
        .filter((m) => m.subject.includes(later.externalId))
        .map((m) => m.subject),
    ).toEqual([expect.stringMatching(/^\[WARNING\] .*\(20 h left\)/), expect.stringMatching(/^\[WARNING\] .*\(12 h left\)/)]);
  });

  it("sends the supplier its own orders' dispatch alerts only, without prices, buyer contact or other orders", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    const theirs = await createOrder(prisma, o, { dispatchDueAt: hours(3), supplier: true });
    const other = await createOrder(prisma, o, { dispatchDueAt: hours(3) });
    const flagged = await createOrder(prisma, o, { dispatchDueAt: hours(40), supplier: true });
    await createFlag(prisma, o, {
      orderId: flagged.id,
      rule: "pricing.mismatch",
      severity: "WARNING",
      createdAt: minutes(-5),
      reason: "TikTok price $98.76 differs from the site's",
      supplier: true,
    });

    const result = await runAlertPass(prisma, T, config(), o.org.id);
    const toSupplier = result.attempts.filter((a) => a.to === o.supplierUser.email);
    expect(toSupplier.map((a) => [a.orderId, a.rule])).toEqual([[theirs.id, "fulfillment.dispatch_deadline"]]);
    // Staff hear of all three.
    expect(
      result.attempts
        .filter((a) => a.to === o.ops.email)
        .map((a) => a.orderId)
        .sort(),
    ).toEqual([theirs.id, other.id, flagged.id].sort());
    const [mail] = mailsTo(o.supplierUser.email);
    expect(mail?.subject).toContain(theirs.externalId);
    expect(mail?.raw).not.toContain(other.externalId);
    expect(mail?.raw).not.toContain(other.id);
    expect(mail?.raw).not.toMatch(/\$|9,876|987654|brenda|555 0199|Secret Lane|price/i);
    // Acknowledging is the seller's call: no acknowledge link for a supplier.
    expect(mail?.text).not.toContain("/links/ack/");
  });

  it("alerts a new invalid-tracking flag on the event, once", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    const order = await createOrder(prisma, o, { dispatchDueAt: hours(48) });
    await createFlag(prisma, o, {
      orderId: order.id,
      rule: "tracking.invalid",
      severity: "CRITICAL",
      createdAt: minutes(-1),
      reason: "Tracking number 1Z999 fails the UPS check digit",
    });
    const result = await runAlertPass(prisma, T, config(), o.org.id);
    expect(result.attempts.map((a) => [a.to, a.rule, a.status]).sort()).toEqual(
      [
        [o.ops.email, "tracking.invalid", "sent"],
        [o.owner.email, "tracking.invalid", "sent"],
      ].sort(),
    );
    expect(mailsTo(o.ops.email).at(-1)?.text).toContain("fails the UPS check digit");
    expect((await runAlertPass(prisma, minutes(30), config(), o.org.id)).attempts).toEqual([]);
  });

  it("stores e-mails without SMTP_URL, says so, and does not send them later", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    await createOrder(prisma, o, { dispatchDueAt: hours(3) });
    const before = smtp.mails.length;
    const result = await runAlertPass(prisma, T, config(null), o.org.id);
    expect(result.attempts.map((a) => [a.status, a.reason])).toEqual([
      ["held", "SMTP_URL is not set: stored, not sent"],
      ["held", "SMTP_URL is not set: stored, not sent"],
    ]);
    const stored = await prisma.alertDelivery.findMany({ where: { organizationId: o.org.id } });
    expect(stored.map((d) => d.status)).toEqual(["STORED", "STORED"]);
    expect(stored[0]?.html).toContain("<!doctype html>");
    expect((await runAlertPass(prisma, minutes(1), config(), o.org.id)).attempts).toEqual([]);
    expect(smtp.mails.length).toBe(before);
  });
});

describe("failures and retries", () => {
  it("SMTP down: failed in that pass, sent by the next one, nothing lost", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    const order = await createOrder(prisma, o, { dispatchDueAt: hours(3) });
    const port = await freePort();
    const down = await runAlertPass(prisma, T, config(`smtp://127.0.0.1:${port}`), o.org.id);
    expect(down).toMatchObject({ sent: 0, failed: 2 });
    expect(down.attempts[0]?.reason).toMatch(/ECONNREFUSED/);
    // Backoff: not retried within the minute.
    expect((await runAlertPass(prisma, minutes(0.5), config(`smtp://127.0.0.1:${port}`), o.org.id)).attempts).toEqual([]);

    const up = await startSmtp(port);
    try {
      const next = await runAlertPass(prisma, minutes(1), config(up.url), o.org.id);
      expect(next).toMatchObject({ sent: 2, failed: 0 });
      expect(up.mails.map((m) => m.to[0]).sort()).toEqual([o.ops.email, o.owner.email].sort());
      expect(up.mails.every((m) => m.subject.includes(order.externalId))).toBe(true);
      const rows = await prisma.alertDelivery.findMany({ where: { organizationId: o.org.id } });
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ["SENT", 2],
        ["SENT", 2],
      ]);
    } finally {
      await up.stop();
    }
  });

  it("marks a delivery undeliverable, with the reason, once it expires unsent", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    await createOrder(prisma, o, { dispatchDueAt: hours(0.5) });
    const port = await freePort();
    const failing = await runAlertPass(prisma, T, config(`smtp://127.0.0.1:${port}`), o.org.id);
    expect(
      failing.attempts.map((a) => a.status),
      JSON.stringify(failing),
    ).toEqual(["failed", "failed"]);
    const after = await runAlertPass(prisma, hours(1), config(`smtp://127.0.0.1:${port}`), o.org.id);
    expect(after.attempts).toEqual([]);
    const rows = await prisma.alertDelivery.findMany({ where: { organizationId: o.org.id } });
    // The two alerts, and no escalation of a deadline that has already passed.
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === "UNDELIVERABLE")).toBe(true);
    expect(rows[0]?.lastError).toMatch(/^expired after \d+ attempts?; last: SMTP: .*ECONNREFUSED/);
  });
});

describe("Slack and webhook channels", () => {
  it("posts a readable Slack block message and a signed webhook body; a 4xx fails with the status and marks the channel broken", async () => {
    let slackStatus = 200;
    const slack = await startReceiver(() => slackStatus);
    const hook = await startReceiver(() => 200);
    try {
      const o = await createAlertOrg(prisma);
      const slackChannel = await prisma.alertChannel.create({
        data: { organizationId: o.org.id, kind: "SLACK", name: "#ops", url: slack.url("/services/T000/B000/XXX") },
      });
      const hookChannel = await prisma.alertChannel.create({
        data: { organizationId: o.org.id, kind: "WEBHOOK", name: "Ops tool", url: hook.url("/hooks/alerts"), secret: "whsec-test-1234567890" },
      });
      const mailbox = await prisma.alertChannel.create({
        data: { organizationId: o.org.id, kind: "EMAIL", name: "Ops mailbox", url: `ops-team.${o.tag}@alerts.test` },
      });
      await prisma.alertRule.create({
        data: { organizationId: o.org.id, name: "Channels", severities: ["CRITICAL"], channelIds: [slackChannel.id, hookChannel.id, mailbox.id] },
      });
      const order = await createOrder(prisma, o, { dispatchDueAt: hours(3) });

      const result = await runAlertPass(prisma, T, config(), o.org.id);
      expect(result.attempts.map((a) => [a.channel, a.to, a.status]).sort()).toEqual([
        ["email", `ops-team.${o.tag}@alerts.test`, "sent"],
        ["slack", "#ops", "sent"],
        ["webhook", "Ops tool", "sent"],
      ]);
      expect(mailsTo(`ops-team.${o.tag}@alerts.test`).map((m) => m.subject)).toEqual([expect.stringContaining(order.externalId)]);

      const slackBody = JSON.parse(slack.requests[0]?.body ?? "{}") as {
        text: string;
        blocks: { type: string; text?: { text: string }; elements?: { url?: string }[] }[];
      };
      expect(slack.requests[0]?.path).toBe("/services/T000/B000/XXX");
      expect(slackBody.text).toContain(`Order ${order.externalId} must be in transit by`);
      expect(slackBody.blocks.map((b) => b.type)).toEqual(["header", "section", "actions", "context"]);
      expect(slackBody.blocks[2]?.elements?.map((e) => e.url)).toEqual([
        `http://dashboard.test/orders/${order.id}`,
        expect.stringMatching(/^http:\/\/dashboard\.test\/links\/ack\//),
      ]);

      const request = hook.requests[0];
      const expected = `sha256=${createHmac("sha256", "whsec-test-1234567890")
        .update(request?.body ?? "")
        .digest("hex")}`;
      expect(request?.headers["x-signature"]).toBe(expected);
      expect(request?.headers["content-type"]).toBe("application/json");
      const body = JSON.parse(request?.body ?? "{}") as Record<string, unknown>;
      expect(body).toMatchObject({
        type: "alert",
        rule: "fulfillment.dispatch_deadline",
        severity: "CRITICAL",
        lead: "4h",
        item: { orderId: order.id, orderNumber: order.externalId, dueAt: order.dispatchDueAt?.toISOString() },
      });
      expect(request?.headers["x-alert-delivery"]).toBe(body.id);

      // Slack now refuses the URL (revoked webhook): failed with the status, channel broken.
      slackStatus = 404;
      await createOrder(prisma, o, { dispatchDueAt: hours(3.2) });
      const refused = await runAlertPass(prisma, minutes(5), config(), o.org.id);
      const failed = refused.attempts.find((a) => a.channel === "slack");
      expect(failed).toMatchObject({ status: "failed", reason: "Slack answered 404: no_service" });
      const broken = await prisma.alertChannel.findUniqueOrThrow({ where: { id: slackChannel.id } });
      expect(broken.brokenAt?.toISOString()).toBe(minutes(5).toISOString());
      expect(broken.brokenReason).toBe("Slack answered 404: no_service");
      // Fixed on Slack's side: the retry goes out and the channel is healthy again.
      slackStatus = 200;
      const retried = await runAlertPass(prisma, minutes(6), config(), o.org.id);
      expect(retried.attempts.map((a) => [a.channel, a.status])).toEqual([["slack", "sent"]]);
      expect(refused.attempts.filter((a) => a.channel !== "slack").map((a) => a.status)).toEqual(["sent", "sent"]);
      expect((await prisma.alertChannel.findUniqueOrThrow({ where: { id: slackChannel.id } })).brokenAt).toBeNull();
    } finally {
      await slack.stop();
      await hook.stop();
    }
  });
});

describe("quiet hours", () => {
  it("holds alerts during quiet hours across midnight in the user's zone and sends them when they end; critical ones break through if chosen", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    // 22:00–07:00 in London. T+6h = 23:00 GMT on 10 March: quiet.
    await prisma.user.update({
      where: { id: o.ops.id },
      data: { timeZone: "Europe/London", alertPreference: { create: { quietStart: "22:00", quietEnd: "07:00" } } },
    });
    await prisma.user.update({
      where: { id: o.owner.id },
      data: { timeZone: "Europe/London", alertPreference: { create: { quietStart: "22:00", quietEnd: "07:00", criticalBreaksQuiet: true } } },
    });
    const warning = await createOrder(prisma, o, { dispatchDueAt: hours(6 + 20) }); // warning at 23:00
    const critical = await createOrder(prisma, o, { dispatchDueAt: hours(6 + 3) }); // critical at 23:00

    const night = await runAlertPass(prisma, hours(6), config(), o.org.id);
    const status = (r: typeof night, to: string, orderId: string) => r.attempts.find((a) => a.to === to && a.orderId === orderId)?.status;
    expect(status(night, o.ops.email, warning.id)).toBe("held");
    expect(status(night, o.ops.email, critical.id)).toBe("held");
    expect(night.attempts.find((a) => a.to === o.ops.email)?.reason).toBe("quiet hours until 2026-03-11T07:00:00.000Z");
    expect(status(night, o.owner.email, critical.id)).toBe("sent"); // breaks through
    expect(status(night, o.owner.email, warning.id)).toBe("held");

    // 06:59 London: still quiet, nothing printed again.
    expect((await runAlertPass(prisma, new Date("2026-03-11T06:59:00Z"), config(), o.org.id)).attempts).toEqual([]);
    // 07:00 London: the warning goes out — as its 12 h alert, which supersedes the held 24 h one;
    // the critical one's deadline (02:00) has passed meanwhile.
    const morning = await runAlertPass(prisma, new Date("2026-03-11T07:00:00Z"), config(), o.org.id);
    expect(morning.attempts.map((a) => [a.to, a.orderId, a.status]).sort()).toEqual(
      [
        [o.ops.email, warning.id, "sent"],
        [o.owner.email, warning.id, "sent"],
      ].sort(),
    );
    expect(mailsTo(o.ops.email).at(-1)?.subject).toMatch(/\(12 h left\)/);
    const superseded = await prisma.alertDelivery.findFirstOrThrow({ where: { organizationId: o.org.id, userId: o.ops.id, orderId: warning.id, lead: "24h" } });
    expect([superseded.status, superseded.lastError]).toEqual(["CANCELLED", "superseded by the 12h alert"]);
    const undelivered = await prisma.alertDelivery.findFirstOrThrow({ where: { organizationId: o.org.id, userId: o.ops.id, orderId: critical.id } });
    expect([undelivered.status, undelivered.lastError]).toEqual(["UNDELIVERABLE", "expired during quiet hours"]);
  });
});

describe("two passes at once", () => {
  it("creates and sends each delivery once", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    for (let i = 0; i < 6; i++) await createOrder(prisma, o, { dispatchDueAt: hours(2 + i / 2) });
    const before = smtp.mails.length;
    const [a, b] = await Promise.all([runAlertPass(prisma, T, config(), o.org.id), runAlertPass(prisma, T, config(), o.org.id)]);
    expect(a.sent + b.sent).toBe(12);
    expect(a.failed + b.failed).toBe(0);
    expect(smtp.mails.length - before).toBe(12);
    const keys = smtp.mails.slice(before).map((m) => `${m.to[0]}|${m.subject}`);
    expect(new Set(keys).size).toBe(12);
    expect(await prisma.alertDelivery.count({ where: { organizationId: o.org.id, status: "SENT" } })).toBe(12);
  });
});

describe("escalation and acknowledgement", () => {
  it("escalates an unacknowledged critical item to the owner after N minutes; an acknowledged one is not", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o, { escalateAfterMinutes: 60 });
    const ignored = await createOrder(prisma, o, { dispatchDueAt: hours(3.9) });
    const acked = await createOrder(prisma, o, { dispatchDueAt: hours(3.8) });
    await runAlertPass(prisma, T, config(), o.org.id);

    const ackMail = mailsTo(o.ops.email).find((m) => m.subject.includes(acked.externalId));
    const token = ackMail?.text.match(/\/links\/ack\/([A-Za-z0-9_.-]+)/)?.[1] ?? "";
    expect(await acknowledgeByToken(prisma, SECRET, token, minutes(10))).toEqual({ ok: true, already: false });
    expect(await acknowledgeByToken(prisma, SECRET, token, minutes(11))).toEqual({ ok: true, already: true });

    expect((await runAlertPass(prisma, minutes(59), config(), o.org.id)).attempts).toEqual([]);
    const escalated = await runAlertPass(prisma, minutes(60), config(), o.org.id);
    expect(escalated.attempts.map((a) => [a.to, a.orderId, a.status])).toEqual([[o.owner.email, ignored.id, "sent"]]);
    const mail = mailsTo(o.owner.email).at(-1);
    expect(mail?.subject).toMatch(new RegExp(`^\\[ESCALATED\\] Order ${ignored.externalId} must be in transit by`));
    expect(mail?.text).toContain("has not been acknowledged or fixed");
    expect((await runAlertPass(prisma, minutes(61), config(), o.org.id)).attempts).toEqual([]);
  });

  it("a tampered or expired acknowledge link changes nothing", async () => {
    const o = await createAlertOrg(prisma);
    const token = signLink(SECRET, "ack", o.org.id, "fulfillment.dispatch_deadline:ORDER:x", hours(1));
    const [body = "", sig = ""] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ p: "ack", o: o.org.id, i: "fulfillment.dispatch_deadline:ORDER:y", x: 4102444800 })).toString("base64url");
    expect(await acknowledgeByToken(prisma, SECRET, `${forged}.${sig}`, T)).toEqual({ ok: false, problem: "tampered" });
    expect(await acknowledgeByToken(prisma, SECRET, `${body}.${sig.slice(0, -2)}AA`, T)).toEqual({ ok: false, problem: "tampered" });
    expect(await acknowledgeByToken(prisma, SECRET, token, hours(2))).toEqual({ ok: false, problem: "expired" });
    expect(await acknowledgeByToken(prisma, SECRET, "not-a-token", T)).toEqual({ ok: false, problem: "malformed" });
    // An unsubscribe token cannot acknowledge.
    expect(await acknowledgeByToken(prisma, SECRET, signLink(SECRET, "unsubscribe", o.org.id, o.ops.id, hours(1)), T)).toEqual({
      ok: false,
      problem: "wrong-purpose",
    });
    expect(await prisma.alertAck.count({ where: { organizationId: o.org.id } })).toBe(0);
  });
});

describe("the daily digest", () => {
  it("is e-mailed at the user's local digest time with an unsubscribe link that works without signing in", async () => {
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    await prisma.user.update({ where: { id: o.ops.id }, data: { timeZone: "America/New_York", alertPreference: { create: { digestTime: "08:00" } } } });
    const order = await createOrder(prisma, o, { dispatchDueAt: hours(80) });
    await createFlag(prisma, o, { orderId: order.id, rule: "tracking.missing", severity: "WARNING", createdAt: hours(-48), reason: "No tracking number yet" });

    // 07:59 in New York (EDT, UTC-4): not yet.
    const early = await runAlertPass(prisma, new Date("2026-03-11T11:59:00Z"), config(), o.org.id);
    expect(early.attempts.filter((a) => a.rule === "digest")).toEqual([]);
    const at8 = await runAlertPass(prisma, new Date("2026-03-11T12:00:00Z"), config(), o.org.id);
    expect(at8.attempts.filter((a) => a.rule === "digest")).toEqual([{ channel: "email", to: o.ops.email, rule: "digest", orderId: null, status: "sent" }]);
    const mail = mailsTo(o.ops.email).at(-1);
    expect(mail?.subject).toMatch(/^Daily digest: 1 open, 0 overdue, 0 critical - Alerts /);
    expect(mail?.headers["list-unsubscribe"]).toMatch(/^<http:\/\/dashboard\.test\/api\/alerts\/unsubscribe\?token=.+>$/);
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const token = mail?.text.match(/\/links\/unsubscribe\/([A-Za-z0-9_.-]+)/)?.[1] ?? "";
    // Once a day.
    expect((await runAlertPass(prisma, new Date("2026-03-11T12:30:00Z"), config(), o.org.id)).attempts).toEqual([]);

    const [body = "", sig = ""] = token.split(".");
    expect(await unsubscribeByToken(prisma, SECRET, `${body}x.${sig}`, T)).toEqual({ ok: false, problem: "tampered" });
    expect(await unsubscribeByToken(prisma, SECRET, token, new Date("2026-03-11T13:00:00Z"))).toEqual({ ok: true, already: false });
    const next = await runAlertPass(prisma, new Date("2026-03-12T12:00:00Z"), config(), o.org.id);
    expect(next.attempts.filter((a) => a.rule === "digest")).toEqual([]);
  });
});

describe("npm run -s alerts -- run (the CLI contract)", () => {
  it("prints one JSON line per delivery attempt and a summary; a second pass at the same instant sends nothing", async () => {
    const { execFile } = await import("node:child_process");
    const { inject } = await import("vitest");
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    const order = await createOrder(prisma, o, { dispatchDueAt: new Date("2030-06-01T20:00:00Z") });
    const now = "2030-06-01T17:00:00Z";
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          "npx",
          ["tsx", "--conditions=react-server", "scripts/alerts.ts", ...args],
          {
            env: {
              ...process.env,
              DATABASE_URL: inject("databaseUrl"),
              SMTP_URL: smtp.url,
              ALERTS_FROM: "Alerts <alerts@dashboard.test>",
              NEXTAUTH_URL: "http://dashboard.test",
            },
          },
          (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    const first = await run(["run", "--now", now]);
    expect(first.stderr).toBe("");
    const lines = first.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = lines.filter((l) => l.orderId === order.id);
    expect(mine.sort((a, b) => String(a.to).localeCompare(String(b.to)))).toEqual([
      { channel: "email", to: o.ops.email, rule: "fulfillment.dispatch_deadline", orderId: order.id, status: "sent" },
      { channel: "email", to: o.owner.email, rule: "fulfillment.dispatch_deadline", orderId: order.id, status: "sent" },
    ]);
    const summary = lines.at(-1) as { sent: number; held: number; failed: number };
    expect(Object.keys(summary)).toEqual(["sent", "held", "failed"]);
    expect(summary.sent).toBe(lines.length - 1 - lines.filter((l) => l.status && l.status !== "sent").length);
    expect(mailsTo(o.ops.email).map((m) => m.subject)).toEqual([expect.stringContaining(order.externalId)]);

    const second = await run(["run", "--now", now]);
    expect(second.stdout.trim()).toBe(JSON.stringify({ sent: 0, held: 0, failed: 0 }));

    const bad = await run(["run", "--now", "tomorrow"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--now: not an ISO-8601 instant with a zone: tomorrow/);
  });
});

describe("npm run worker: the alert pass on the job queue", () => {
  it("is scheduled every minute and a job runs a pass", async () => {
    const { inject } = await import("vitest");
    const { isEmbeddedUrl } = await import("@/lib/database/embedded-url");
    const url = inject("databaseUrl");
    if (isEmbeddedUrl(url)) return; // the queue needs a PostgreSQL server (tests/queue.int.test.ts covers the refusal)
    const { ALERTS_CRON, ALERTS_QUEUE, scheduleAlerts, startQueue, workAlerts } = await import("@/lib/jobs/queue");
    Object.assign(process.env, { SMTP_URL: smtp.url, ALERTS_FROM: "Alerts <alerts@dashboard.test>", NEXTAUTH_URL: "http://dashboard.test" });
    const boss = await startQueue(url);
    try {
      await scheduleAlerts(boss);
      expect((await boss.getSchedules()).find((x) => x.name === ALERTS_QUEUE)?.cron).toBe(ALERTS_CRON);
      const o = await createAlertOrg(prisma);
      await createDefaultRules(prisma, o);
      // Relative to the real clock: the worker's pass runs at the time it runs.
      const order = await createOrder(prisma, o, { dispatchDueAt: new Date(Date.now() + 3 * 3_600_000) });
      await workAlerts(boss, prisma, () => undefined);
      const id = await boss.send(ALERTS_QUEUE, {});
      let state: string | undefined;
      for (let i = 0; i < 300 && state !== "completed"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = (await boss.getJobById(ALERTS_QUEUE, id as string))?.state;
      }
      expect(state).toBe("completed");
      expect(mailsTo(o.ops.email).map((m) => m.subject)).toEqual([expect.stringContaining(order.externalId)]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
      delete process.env.SMTP_URL;
    }
  });
});

describe("the in-process scheduler (npm start on the embedded database)", () => {
  it("runs one pass at a time: a tick during a pass joins it instead of starting another", async () => {
    const { startAlertScheduler } = await import("@/lib/alerts/scheduler");
    const scheduler = startAlertScheduler(prisma, config(), 3600, () => undefined);
    try {
      const first = scheduler.runOnce();
      expect(scheduler.runOnce()).toBe(first);
      await first;
      const next = scheduler.runOnce();
      expect(next).not.toBe(first);
      await next;
    } finally {
      scheduler.stop();
    }
  });
});

describe("signed-link endpoints and the delivery log's scope", () => {
  it("POST /api/alerts/unsubscribe: one-click with a valid token unsubscribes; a tampered one answers a clear page and changes nothing", async () => {
    const { POST } = await import("@/app/api/alerts/unsubscribe/route");
    const o = await createAlertOrg(prisma);
    const token = signLink(process.env.NEXTAUTH_SECRET as string, "unsubscribe", o.org.id, o.ops.id, new Date(Date.now() + 3_600_000));
    const [body = "", sig = ""] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ p: "unsubscribe", o: o.org.id, i: o.owner.id, x: 4102444800 })).toString("base64url");
    const bad = await POST(
      new Request(`http://test.local/api/alerts/unsubscribe?token=${forged}.${sig}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("This link was changed after it was sent, so it cannot be trusted: nothing was done.");
    expect(await prisma.alertPreference.count({ where: { userId: { in: [o.owner.id, o.ops.id] } } })).toBe(0);

    const ok = await POST(
      new Request(`http://test.local/api/alerts/unsubscribe?token=${body}.${sig}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/links/unsubscribe/${encodeURIComponent(token)}?done=1`);
    expect((await prisma.alertPreference.findUniqueOrThrow({ where: { userId: o.ops.id } })).digestUnsubscribedAt).not.toBeNull();
  });

  it("POST /api/alerts/ack with an expired token from a form: a clear page, nothing acknowledged", async () => {
    const { POST } = await import("@/app/api/alerts/ack/route");
    const o = await createAlertOrg(prisma);
    const expired = signLink(process.env.NEXTAUTH_SECRET as string, "ack", o.org.id, "fulfillment.dispatch_deadline:ORDER:x", new Date(Date.now() - 1_000));
    const response = await POST(
      new Request("http://test.local/api/alerts/ack", {
        method: "POST",
        body: new URLSearchParams({ token: expired }),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("This link has expired: nothing was done.");
    expect(await prisma.alertAck.count({ where: { organizationId: o.org.id } })).toBe(0);
  });

  it("shows the owner every delivery, anyone else only their own", async () => {
    const { getDeliveryLog, getOrderAlerts } = await import("@/lib/data/alerts");
    const o = await createAlertOrg(prisma);
    await createDefaultRules(prisma, o);
    const theirs = await createOrder(prisma, o, { dispatchDueAt: hours(3), supplier: true });
    await createOrder(prisma, o, { dispatchDueAt: hours(3) });
    await runAlertPass(prisma, T, config(null), o.org.id);
    const viewer = (u: { id: string; role: "OWNER" | "OPS" | "SUPPLIER" }) => ({
      organizationId: o.org.id,
      supplierId: u.role === "SUPPLIER" ? o.supplier.id : null,
      role: u.role,
      userId: u.id,
    });
    expect((await getDeliveryLog(viewer(o.owner))).map((d) => d.to).sort()).toEqual(
      [o.ops.email, o.ops.email, o.owner.email, o.owner.email, o.supplierUser.email].sort(),
    );
    expect(new Set((await getDeliveryLog(viewer(o.ops))).map((d) => d.to))).toEqual(new Set([o.ops.email]));
    const supplierLog = await getDeliveryLog(viewer(o.supplierUser));
    expect(supplierLog.map((d) => [d.to, d.order?.id])).toEqual([[o.supplierUser.email, theirs.id]]);
    // The order's timeline: staff see who was alerted; the supplier only themselves.
    expect((await getOrderAlerts(viewer(o.ops), theirs.id)).map((a) => a.to).sort()).toEqual([o.ops.email, o.owner.email, o.supplierUser.email].sort());
    expect((await getOrderAlerts(viewer(o.supplierUser), theirs.id)).map((a) => a.to)).toEqual([o.supplierUser.email]);
  });
});
