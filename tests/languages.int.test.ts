// The viewer's language (issue 21): Accept-Language for a user who has not chosen (and for
// anonymous pages), the user's own choice over the header once made (/account and the shell's
// switcher write User.locale), and the action pipeline's messages in that language.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveAlertPreferencesAction, saveLocaleAction } from "@/lib/actions/account";
import type { SessionUser } from "@/lib/auth";
import type { Messages } from "@/lib/i18n/messages";
import { testDb } from "./db";

const request = vi.hoisted(() => ({ acceptLanguage: "nl-BE,nl;q=0.9,en;q=0.8", user: null as SessionUser | null }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "accept-language": request.acceptLanguage }) }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (request.user ? { user: request.user } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// Outside Next's server build next-intl refuses getRequestConfig; it is the identity there.
vi.mock("next-intl/server", () => ({ getRequestConfig: <T>(make: T) => make }));

const { default: requestConfig, resolveRequestLocale } = await import("@/lib/i18n/request");

const prisma = testDb();
let orgId = "";
let userId = "";

beforeAll(async () => {
  orgId = (await prisma.organization.create({ data: { name: `Languages ${Date.now()}` } })).id;
  const u = await prisma.user.create({
    data: { organizationId: orgId, email: `ops-${Date.now()}@languages.test`, name: "Ops", role: "OPS", passwordHash: "x" },
  });
  userId = u.id;
  request.user = { id: u.id, email: u.email, name: u.name, organizationId: orgId, role: "OPS", supplierId: null };
});
afterAll(async () => {
  await prisma.organization.delete({ where: { id: orgId } });
  await prisma.$disconnect();
});
beforeEach(async () => {
  request.acceptLanguage = "nl-BE,nl;q=0.9,en;q=0.8";
  await prisma.user.update({ where: { id: userId }, data: { locale: null } });
});

/** What a page request gets from lib/i18n/request.ts: its locale and the messages it renders with. */
async function page() {
  const config = (await requestConfig({ requestLocale: Promise.resolve(undefined), locale: undefined } as never)) as { locale: string; messages: Messages };
  return { locale: config.locale, overview: config.messages.shell.nav.overview, signOut: config.messages.shell.signOut };
}

describe("the request's language", () => {
  it("is the browser's Accept-Language for a user who has not chosen: GET / renders Dutch", async () => {
    expect(await page()).toEqual({ locale: "nl", overview: "Overzicht", signOut: "Uitloggen" });
    request.acceptLanguage = "zh-Hans-CN,zh;q=0.9";
    expect(await page()).toMatchObject({ locale: "zh-CN", overview: "概览" });
    request.acceptLanguage = "fr-FR";
    expect(await page()).toMatchObject({ locale: "en", overview: "Overview" });
  });

  it("is the user's own choice once made, whatever the header says; choosing none follows the browser again", async () => {
    const saved = await saveLocaleAction({ locale: "zh-CN" });
    // The confirmation is already in the language chosen.
    expect(saved).toEqual({ ok: true, data: { locale: "zh-CN" }, message: "语言已保存。" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("zh-CN");
    expect(await page()).toMatchObject({ locale: "zh-CN", overview: "概览" });
    expect(await resolveRequestLocale()).toBe("zh-CN");

    const form = new FormData();
    form.set("locale", "");
    expect(await saveLocaleAction(null, form)).toMatchObject({ ok: true, data: { locale: null }, message: "Taal opgeslagen." });
    expect(await page()).toMatchObject({ locale: "nl", overview: "Overzicht" });
  });

  it("is for anonymous pages (sign-in, share links) the header's", async () => {
    const signedIn = request.user;
    request.user = null;
    request.acceptLanguage = "zh-CN";
    try {
      expect(await resolveRequestLocale()).toBe("zh-CN");
    } finally {
      request.user = signedIn;
    }
  });

  it("refuses a language we do not speak, in the user's language", async () => {
    expect(await saveLocaleAction({ locale: "fr" })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      message: "Controleer de gemarkeerde velden.",
      fieldErrors: { locale: "Kies een van de talen." },
    });
  });
});

describe("the action pipeline's messages", () => {
  it("are in the user's language: the summary, a schema's own message and zod's built-in one", async () => {
    await prisma.user.update({ where: { id: userId }, data: { locale: "zh-CN" } });
    const result = await saveAlertPreferencesAction({ timeZone: "Mars/Olympus", email: 5 as never });
    expect(result).toMatchObject({ ok: false, message: "请检查标出的字段。", fieldErrors: { timeZone: "无法识别的时区，例如 Europe/London" } });
    // zod's own wording for a wrong type, from zod's Chinese locale.
    expect(!result.ok && result.fieldErrors?.email).toMatch(/[\u4e00-\u9fff]/);
    expect(await saveAlertPreferencesAction({ timeZone: "Europe/Amsterdam", quietStart: "22:00" })).toMatchObject({
      fieldErrors: { quietEnd: "请同时设置开始和结束时间，或都不设置" },
    });
  });

  it("stay exactly today's English for English", async () => {
    request.acceptLanguage = "en-GB";
    expect(await saveAlertPreferencesAction({ timeZone: "Mars/Olympus", email: 5 as never })).toMatchObject({
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { timeZone: "Not a time zone we know, e.g. Europe/London", email: 'Invalid option: expected one of "on"|"off"' },
    });
    expect(await saveAlertPreferencesAction({ timeZone: "Europe/Amsterdam", quietStart: "22:00" })).toMatchObject({
      fieldErrors: { quietEnd: "Set both the start and the end, or neither" },
    });
  });

  it("refuse anonymous visitors in their browser's language and a role in the user's", async () => {
    const signedIn = request.user;
    request.user = null;
    request.acceptLanguage = "nl";
    try {
      expect(await saveLocaleAction({ locale: "nl" })).toMatchObject({ ok: false, code: "UNAUTHENTICATED", message: "Log eerst in." });
    } finally {
      request.user = signedIn;
    }
    const supplierOnly = await import("@/lib/actions/alerts");
    await prisma.user.update({ where: { id: userId }, data: { locale: "zh-CN" } });
    expect(await supplierOnly.deleteAlertChannelAction({ id: "x" })).toMatchObject({ ok: false, code: "FORBIDDEN", message: "你的角色无权执行此操作。" });
  });
});
