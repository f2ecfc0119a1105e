// The authorisation matrix: every route handler and every server action, for each of
// anonymous, owner, ops, supplier and a user of another organisation. Routes and actions are
// discovered from the code, so a new one that the matrix does not list fails this test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth";
import { DEMO_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

type Who = "anon" | "owner" | "ops" | "supplier" | "other";
const WHO: Who[] = ["anon", "owner", "ops", "supplier", "other"];
const EMAIL: Record<Exclude<Who, "anon">, string> = {
  owner: "owner@demo.test",
  ops: "ops@demo.test",
  supplier: "supplier@demo.test",
  other: "other@demo.test",
};
/** A status, or "allowed": past the role and tenant checks (not 401/403/404) and no server error. */
type Expect = number | "allowed";

const root = process.cwd();
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

let ids: {
  store: string;
  order: string;
  supplierOrder: string;
  returnId: string;
  creator: string | null;
  listing: string | null;
  user: string;
  shareLink: string | null;
  supplier: string;
};
const users = {} as Record<Exclude<Who, "anon">, SessionUser>;
let secrets: string[] = [];

beforeAll(async () => {
  await seedDemo(prisma, new Date());
  const org = await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } });
  for (const who of Object.keys(EMAIL) as (keyof typeof EMAIL)[]) {
    users[who] = await prisma.user.findUniqueOrThrow({
      where: { email: EMAIL[who] },
      select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
    });
  }
  const store = await prisma.store.findFirstOrThrow({ where: { organizationId: org.id, name: "TikTok Shop US" } });
  const order = await prisma.order.findFirstOrThrow({ where: { organizationId: org.id, storeId: store.id, status: "AWAITING_SHIPMENT" } });
  const ret = await prisma.returnRequest.findFirstOrThrow({ where: { organizationId: org.id, status: "PENDING" } });
  const creator = await prisma.creator.findFirst({ where: { organizationId: org.id } });
  const listing = await prisma.listing.findFirst({ where: { organizationId: org.id } });
  const supplier = await prisma.supplier.findFirstOrThrow({ where: { organizationId: org.id } });
  const supplierOrder = await prisma.order.findFirstOrThrow({ where: { organizationId: org.id, supplierId: users.supplier.supplierId } });
  ids = {
    store: store.id,
    order: order.id,
    supplierOrder: supplierOrder.id,
    returnId: ret.id,
    creator: creator?.id ?? null,
    listing: listing?.id ?? null,
    user: users.ops.id,
    shareLink: null,
    supplier: supplier.id,
  };
  // What a supplier must never receive: buyers' contact details and street addresses.
  const buyers = await prisma.order.findMany({
    where: { organizationId: org.id },
    select: { buyerEmail: true, buyerPhone: true, shipAddress1: true },
    take: 400,
  });
  secrets = [...new Set(buyers.flatMap((b) => [b.buyerEmail, b.buyerPhone, b.shipAddress1]).filter((v): v is string => Boolean(v)))];
});

function signIn(who: Who) {
  session.user = who === "anon" ? null : users[who];
}

// ---------------------------------------------------------------------------------------------
// Route handlers
// ---------------------------------------------------------------------------------------------

type RouteCase = {
  /** Path with [params] filled in at run time. */
  url: () => string;
  params?: () => Record<string, string | string[]>;
  init?: () => RequestInit;
  expect: Record<Who, Expect>;
};

const PRIVATE_READ: Record<Who, Expect> = { anon: 401, owner: 200, ops: 200, supplier: 200, other: 200 };
const STAFF_ONLY: Record<Who, Expect> = { anon: 401, owner: "allowed", ops: "allowed", supplier: 403, other: 404 };
const forgedLinkPost = (): RequestInit => ({
  method: "POST",
  body: "token=eyJwIjoiYWNrIn0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  headers: { "content-type": "application/x-www-form-urlencoded" },
});
const unsignedWebhook = (): RequestInit => ({ method: "POST", body: JSON.stringify({ id: 1 }), headers: { "content-type": "application/json" } });

const ROUTES: Record<string, RouteCase | { exempt: string }> = {
  "GET /api/auth/[...nextauth]": { exempt: "next-auth's own sign-in, session and CSRF endpoints; sign-in is covered by e2e/foundation.spec.ts" },
  "POST /api/auth/[...nextauth]": { exempt: "next-auth's credentials callback (CSRF-protected); covered by e2e/foundation.spec.ts" },
  "GET /api/health": { url: () => "/api/health", expect: { anon: 200, owner: 200, ops: 200, supplier: 200, other: 200 } },
  "GET /api/orders": { url: () => "/api/orders?pageSize=200", expect: PRIVATE_READ },
  "GET /api/orders/[id]": {
    url: () => `/api/orders/${ids.supplierOrder}`,
    params: () => ({ id: ids.supplierOrder }),
    expect: { anon: 401, owner: 200, ops: 200, supplier: 200, other: 404 },
  },
  // A body the form's schema refuses: past the role and tenant checks, nothing saved.
  "POST /api/orders/[id]/tracking": {
    url: () => `/api/orders/${ids.order}/tracking`,
    params: () => ({ id: ids.order }),
    init: () => ({ method: "POST", body: JSON.stringify({ carrier: "", trackingNumber: "" }), headers: { "content-type": "application/json" } }),
    expect: STAFF_ONLY,
  },
  "GET /api/orders/export": { url: () => "/api/orders/export", expect: PRIVATE_READ },
  "GET /api/risk": { url: () => "/api/risk", expect: PRIVATE_READ },
  "GET /api/digest": { url: () => "/api/digest?format=text", expect: { anon: 401, owner: 200, ops: 200, supplier: 403, other: 200 } },
  "GET /api/stores/[id]/exposure": {
    url: () => `/api/stores/${ids.store}/exposure`,
    params: () => ({ id: ids.store }),
    expect: { anon: 401, owner: 200, ops: 200, supplier: 403, other: 404 },
  },
  // Forgets only the caller's own organisation's cached figures: another organisation's user forgets theirs.
  "POST /api/figures/refresh": {
    url: () => "/api/figures/refresh",
    init: () => ({ method: "POST" }),
    expect: { anon: 401, owner: 200, ops: 200, supplier: 403, other: 200 },
  },
  "POST /api/stores/[id]/sync": {
    url: () => `/api/stores/${ids.store}/sync`,
    params: () => ({ id: ids.store }),
    init: () => ({ method: "POST" }),
    expect: STAFF_ONLY,
  },
  "POST /api/imports": {
    url: () => `/api/imports?storeId=${ids.store}&format=shopify-csv&fileName=empty.csv`,
    init: () => ({ method: "POST", body: "" }),
    expect: STAFF_ONLY,
  },
  "POST /api/imports/jobs": { url: () => `/api/imports/jobs?storeId=${ids.store}&fileName=matrix.csv`, init: () => ({ method: "POST" }), expect: STAFF_ONLY },
  "GET /api/imports/[id]": {
    url: () => "/api/imports/00000000-0000-4000-8000-000000000000",
    params: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    expect: { anon: 401, owner: 404, ops: 404, supplier: 403, other: 404 },
  },
  "GET /api/imports/[id]/errors.csv": {
    url: () => "/api/imports/00000000-0000-4000-8000-000000000000/errors.csv",
    params: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    expect: { anon: 401, owner: 404, ops: 404, supplier: 403, other: 404 },
  },
  "POST /api/compliance/videos/import": {
    url: () => `/api/compliance/videos/import`,
    init: () => ({ method: "POST", body: "" }),
    expect: { anon: 401, owner: "allowed", ops: "allowed", supplier: 403, other: "allowed" },
  },
  "POST /api/compliance/prices/import": {
    url: () => `/api/compliance/prices/import`,
    init: () => ({ method: "POST", body: "" }),
    expect: { anon: 401, owner: "allowed", ops: 403, supplier: 403, other: "allowed" },
  },
  // Signed alert links (lib/alerts/links.ts): the token is the permission, whoever is signed in;
  // a forged one is refused with a page saying so, and changes nothing.
  "POST /api/alerts/ack": { url: () => "/api/alerts/ack", init: forgedLinkPost, expect: { anon: 400, owner: 400, ops: 400, supplier: 400, other: 400 } },
  "POST /api/alerts/unsubscribe": {
    url: () => "/api/alerts/unsubscribe",
    init: forgedLinkPost,
    expect: { anon: 400, owner: 400, ops: 400, supplier: 400, other: 400 },
  },
  // Webhooks authenticate by signature, not session: unsigned is 401 for everyone.
  "POST /api/webhooks/shopify/[storeId]": {
    url: () => `/api/webhooks/shopify/${ids.store}`,
    params: () => ({ storeId: ids.store }),
    init: unsignedWebhook,
    expect: { anon: 401, owner: 401, ops: 401, supplier: 401, other: 401 },
  },
  "POST /api/webhooks/tiktok/[storeId]": {
    url: () => `/api/webhooks/tiktok/${ids.store}`,
    params: () => ({ storeId: ids.store }),
    init: unsignedWebhook,
    expect: { anon: 401, owner: 401, ops: 401, supplier: 401, other: 401 },
  },
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

async function discoverRoutes(): Promise<{ key: string; file: string; handler: Handler }[]> {
  const files = walk(path.join(root, "app")).filter((f) => f.endsWith(`${path.sep}route.ts`));
  const found: { key: string; file: string; handler: Handler }[] = [];
  for (const file of files) {
    const route = `/${path
      .relative(path.join(root, "app"), path.dirname(file))
      .split(path.sep)
      .filter((s) => !s.startsWith("("))
      .join("/")}`;
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) if (typeof mod[method] === "function") found.push({ key: `${method} ${route}`, file, handler: mod[method] as Handler });
  }
  return found;
}

function matches(status: number, expected: Expect): boolean {
  return expected === "allowed" ? ![401, 403, 404].includes(status) && status < 500 : status === expected;
}

function assertNothingSecret(text: string, where: string) {
  for (const secret of secrets) expect(text.includes(secret), `${where} leaks ${secret}`).toBe(false);
  expect(text, `${where} has money or contact fields`).not.toMatch(
    /"(totalMinor|unitPriceMinor|priceMinor|buyerEmail|buyerPhone|buyerName|shipAddress1|revenue)"/,
  );
}

describe("authorisation matrix: route handlers", () => {
  it("lists every route handler in the code, and only those", async () => {
    const found = (await discoverRoutes()).map((r) => r.key).sort();
    expect(found).toEqual(Object.keys(ROUTES).sort());
  });

  it("gives each identity the expected status, and a supplier no prices, totals or buyer contact", async () => {
    const failures: string[] = [];
    for (const { key, handler } of await discoverRoutes()) {
      const spec = ROUTES[key];
      if (!spec || "exempt" in spec) continue;
      for (const who of WHO) {
        signIn(who);
        const response = await handler(new Request(`http://localhost${spec.url()}`, spec.init?.() ?? { method: "GET" }), {
          params: Promise.resolve(spec.params?.() ?? {}),
        });
        const expected = spec.expect[who];
        if (!matches(response.status, expected)) failures.push(`${key} as ${who}: ${response.status}, expected ${expected}`);
        const text = await response.text();
        expect(text, `${key} as ${who} shows internals`).not.toMatch(/at .+\.(ts|js):\d+|PrismaClient|SELECT .+ FROM/);
        if (who === "supplier" && response.status === 200) {
          assertNothingSecret(text, `${key} as supplier`);
          if (key === "GET /api/orders/export") expect(text.split("\n")[0]?.toLowerCase()).not.toMatch(/total|price|email|phone|address/);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

// Cross-site requests: a page on another site can make the user's browser POST with the user's
// cookies. Every state-changing route handler refuses that with 403, whoever is signed in;
// webhooks are called by the platforms' servers (no cookies) and authenticate by signature.
const CROSS_SITE_EXEMPT: Record<string, string> = {
  "POST /api/auth/[...nextauth]": "next-auth's own double-submit CSRF token guards sign-in and sign-out",
  "POST /api/webhooks/shopify/[storeId]": "server-to-server, HMAC-signed",
  "POST /api/webhooks/tiktok/[storeId]": "server-to-server, HMAC-signed",
  "POST /api/alerts/unsubscribe":
    "RFC 8058 one-click unsubscribe is posted by the recipient's mail provider, from its own servers; the signed token only unsubscribes its own digest",
};
const CROSS_SITE_HEADERS: Record<string, string>[] = [
  { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" },
  { origin: "https://evil.example" },
  { origin: "null" },
  { "sec-fetch-site": "same-site", origin: "https://sub.localhost" },
];

describe("authorisation matrix: cross-site requests", () => {
  it("every state-changing route handler answers 403 to a cross-site request, and writes nothing", async () => {
    const failures: string[] = [];
    const jobsBefore = await prisma.importJob.count();
    const auditBefore = await prisma.auditLog.count();
    const changing = (await discoverRoutes()).filter((r) => !r.key.startsWith("GET "));
    expect(changing.length).toBeGreaterThan(3);
    for (const { key, handler } of changing) {
      if (CROSS_SITE_EXEMPT[key]) continue;
      const spec = ROUTES[key];
      if (!spec || "exempt" in spec) {
        failures.push(`${key}: state-changing, neither in the matrix nor cross-site exempt`);
        continue;
      }
      for (const who of WHO) {
        signIn(who);
        for (const headers of CROSS_SITE_HEADERS) {
          const init = spec.init?.() ?? { method: "POST" };
          const response = await handler(
            new Request(`http://localhost${spec.url()}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...headers } }),
            {
              params: Promise.resolve(spec.params?.() ?? {}),
            },
          );
          if (response.status !== 403) failures.push(`${key} as ${who} with ${JSON.stringify(headers)}: ${response.status}, expected 403`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await prisma.importJob.count()).toBe(jobsBefore);
    expect(await prisma.auditLog.count()).toBe(auditBefore);
  });

  it("the same requests from the app's own pages pass the check", async () => {
    const failures: string[] = [];
    for (const { key, handler } of await discoverRoutes()) {
      const spec = ROUTES[key];
      if (key.startsWith("GET ") || CROSS_SITE_EXEMPT[key] || !spec || "exempt" in spec) continue;
      signIn("owner");
      for (const headers of [{ origin: "http://localhost", "sec-fetch-site": "same-origin" }, { origin: "http://localhost" }] as Record<string, string>[]) {
        const init = spec.init?.() ?? { method: "POST" };
        const response = await handler(
          new Request(`http://localhost${spec.url()}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...headers } }),
          {
            params: Promise.resolve(spec.params?.() ?? {}),
          },
        );
        if (!matches(response.status, spec.expect.owner)) failures.push(`${key} same-origin: ${response.status}, expected ${spec.expect.owner}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Server actions
// ---------------------------------------------------------------------------------------------

/** `missingTarget`: the call names an entity that does not exist, so allowed roles get 404. */
/** `anyone`: an action without a session (sign-up): every identity gets past the gate to zod. */
type ActionCase = {
  roles: ("OWNER" | "OPS" | "SUPPLIER")[];
  missingTarget?: boolean;
  anyone?: boolean;
  call: (fn: (...args: unknown[]) => Promise<unknown>) => Promise<unknown>;
};
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const idle = null;

const ACTIONS: Record<string, ActionCase> = {
  "account#saveAlertPreferencesAction": { roles: ["OWNER", "OPS"], call: (fn) => fn(idle, form({ timeZone: "Not/AZone" })) },
  // Everyone's language is their own, suppliers' too.
  "account#saveLocaleAction": { roles: ["OWNER", "OPS", "SUPPLIER"], call: (fn) => fn(idle, form({ locale: "xx" })) },
  "alerts#saveAlertChannelAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({ kind: "SLACK", name: "x", target: "not a url" })) },
  "alerts#deleteAlertChannelAction": { roles: ["OWNER"], missingTarget: true, call: (fn) => fn(idle, form({ id: "no-such-channel" })) },
  "alerts#saveAlertRuleAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({ name: "" })) },
  "alerts#deleteAlertRuleAction": { roles: ["OWNER"], missingTarget: true, call: (fn) => fn(idle, form({ id: "no-such-rule" })) },
  "compliance#upsertRegistration": { roles: ["OWNER"], call: (fn) => fn({ storeId: ids.store }) },
  "compliance#recordDepositEntry": { roles: ["OWNER"], call: (fn) => fn({ storeId: ids.store }) },
  "compliance#addCreator": { roles: ["OWNER"], call: (fn) => fn({ storeId: ids.store }) },
  "compliance#recordVideo": { roles: ["OWNER", "OPS"], call: (fn) => fn({ creatorId: ids.creator ?? "x" }) },
  "compliance#setListingPrice": { roles: ["OWNER"], call: (fn) => fn({ listingId: ids.listing ?? "x" }) },
  "compliance#setStock": { roles: ["OWNER", "OPS"], call: (fn) => fn({ listingId: ids.listing ?? "x" }) },
  "reporting-currency#setReportingCurrencyAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({ reportingCurrency: "not a currency" })) },
  "reporting-currency#saveFxRateAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({ day: "", base: "EUR", quote: "GBP", rate: "" })) },
  "reporting-currency#importEcbRatesAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({})) },
  "reporting-currency#deleteFxRateAction": { roles: ["OWNER"], missingTarget: true, call: (fn) => fn(idle, form({ rateId: "no-such-rate" })) },
  "policy-settings#updatePolicySettingsAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({ "dispatch.dueSoonHours": "not a number" })) },
  "returns#decideReturn": { roles: ["OWNER", "OPS"], call: (fn) => fn({ returnId: ids.returnId }) },
  "pushes#retryPush": { roles: ["OWNER", "OPS"], missingTarget: true, call: (fn) => fn({ pushId: "no-such-push" }) },
  "pushes#setStockSafetyBuffer": { roles: ["OWNER"], call: (fn) => fn({ storeId: ids.store, stockSafetyBuffer: "-1" }) },
  "risk#fixTracking": { roles: ["OWNER", "OPS"], call: (fn) => fn({ orderId: ids.order, carrier: "", trackingNumber: "" }) },
  "risk#setLabelSource": { roles: ["OWNER", "OPS"], call: (fn) => fn({ orderId: ids.order, labelSource: "nonsense" }) },
  "risk#previewTrackingPaste": { roles: ["OWNER", "OPS"], call: (fn) => fn("") },
  "risk#saveTrackingPaste": { roles: ["OWNER", "OPS"], call: (fn) => fn("") },
  "share-links#createShareLinkAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({})) },
  "share-links#revokeShareLinkAction": { roles: ["OWNER"], missingTarget: true, call: (fn) => fn(idle, form({ id: "no-such-link" })) },
  "stores#updateStoreSettings": { roles: ["OWNER"], call: (fn) => fn(null, form({ storeId: ids.store, timeZone: "Not/AZone" })) },
  "sync#syncStoreAction": { roles: ["OWNER", "OPS"], call: (fn) => fn("") },
  "shopify-webhooks#registerShopifyWebhooksAction": { roles: ["OWNER"], call: (fn) => fn("") },
  "users#addUserAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({})) },
  "users#changeRoleAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({ userId: ids.user, role: "NOT_A_ROLE" })) },
  "users#setUserActiveAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({ userId: ids.user, active: "maybe" })) },
  "demo#removeDemoAction": { roles: ["OWNER"], call: (fn) => fn({ confirm: "no" }) },
  "order-assignment#assignOrdersAction": { roles: ["OWNER", "OPS"], call: (fn) => fn({ orderIds: "", supplierId: "" }) },
  "signup#signUpAction": { roles: [], anyone: true, call: (fn) => fn(idle, form({ organization: "", email: "not-an-email", password: "short" })) },
  "store-admin#createStoreAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({ name: "", channel: "TIKTOK_SHOP" })) },
  "store-admin#setStoreArchivedAction": { roles: ["OWNER"], call: (fn) => fn({ storeId: ids.store, archived: "maybe" }) },
  "suppliers#saveSupplierAction": { roles: ["OWNER"], call: (fn) => fn(idle, form({ name: "" })) },
  "suppliers#setSkuSupplierAction": { roles: ["OWNER"], call: (fn) => fn({ sku: "", supplierId: ids.supplier }) },
  "suppliers#addWarehouseRuleAction": { roles: ["OWNER"], call: (fn) => fn({ warehouseName: "", supplierId: ids.supplier }) },
  "suppliers#removeWarehouseRuleAction": { roles: ["OWNER"], missingTarget: true, call: (fn) => fn({ ruleId: "no-such-rule" }) },
  "suppliers#setStoreDefaultSupplierAction": { roles: ["OWNER"], call: (fn) => fn({ storeId: ids.store, supplierId: "not an id!" }) },
  "suppliers#importSupplierStockAction": { roles: ["OWNER", "OPS"], call: (fn) => fn({ supplierId: ids.supplier, csv: "" }) },
};

async function discoverActions(): Promise<{ key: string; fn: (...args: unknown[]) => Promise<unknown> }[]> {
  const dir = path.join(root, "lib/actions");
  const files = readdirSync(dir).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && readFileSync(path.join(dir, f), "utf8").trimStart().startsWith('"use server"'),
  );
  const found: { key: string; fn: (...args: unknown[]) => Promise<unknown> }[] = [];
  for (const file of files) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === "function") found.push({ key: `${file.replace(/\.ts$/, "")}#${name}`, fn: value as (...args: unknown[]) => Promise<unknown> });
  }
  return found;
}

/** Maps what an action returned or threw to the status a route would have answered. */
async function outcome(run: () => Promise<unknown>): Promise<number | "allowed" | "succeeded"> {
  try {
    const result = (await run()) as { ok?: boolean; status?: string; code?: string } | undefined;
    const code = result?.code;
    if (code === "UNAUTHENTICATED") return 401;
    if (code === "FORBIDDEN") return 403;
    if (code === "NOT_FOUND") return 404;
    return result?.ok === true ? "succeeded" : "allowed";
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "UNAUTHENTICATED") return 401;
    if (code === "FORBIDDEN") return 403;
    if (code === "NOT_FOUND") return 404;
    throw error;
  }
}

describe("authorisation matrix: server actions", () => {
  it("lists every server action in the code, and only those", async () => {
    expect((await discoverActions()).map((a) => a.key).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it("refuses anonymous (401) and suppliers (403), lets only the listed roles through, and never writes for them", async () => {
    const auditBefore = await prisma.auditLog.count();
    const failures: string[] = [];
    for (const { key, fn } of await discoverActions()) {
      const spec = ACTIONS[key];
      if (!spec) continue;
      for (const who of WHO) {
        signIn(who);
        const got = await outcome(() => spec.call(fn));
        const allowed =
          who === "owner" ? spec.roles.includes("OWNER") : who === "ops" ? spec.roles.includes("OPS") : who === "other" ? spec.roles.includes("OWNER") : false;
        const want = spec.anyone ? "allowed" : who === "anon" ? 401 : (who === "supplier" ? spec.roles.includes("SUPPLIER") : allowed) ? "allowed" : 403;
        // Another organisation's owner passes the role check but must never act on this one's data.
        const ok = want === "allowed" ? got === "allowed" || ((who === "other" || spec.missingTarget) && got === 404) : got === want;
        if (!ok) failures.push(`${key} as ${who}: ${got}, expected ${want}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await prisma.auditLog.count()).toBe(auditBefore);
  });
});
