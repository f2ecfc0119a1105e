import { type APIRequestContext, type Page, test as base, expect } from "@playwright/test";
import pg from "pg";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { EMBEDDED_APPLICATION_NAME } from "../lib/database/embedded-url";
import type { Tenant } from "../lib/seed/demo";

export const DEMO_PASSWORD = "demo-password";
export const USERS = {
  owner: "owner@demo.test",
  ops: "ops@demo.test",
  supplier: "supplier@demo.test",
  other: "other@demo.test",
} as const;
export type DemoUser = keyof typeof USERS;

/** Signs in through next-auth's credentials endpoint (no form typing), sharing the page's cookies. */
export async function signInViaApi(request: APIRequestContext, who: DemoUser) {
  await signInAsEmail(request, USERS[who], DEMO_PASSWORD);
}

export async function signInAsEmail(request: APIRequestContext, email: string, password: string) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email: string } };
  expect(session.user?.email).toBe(email);
}

export const E2E_EMBEDDED_DB_PORT = Number(process.env.E2E_DB_PORT ?? 55433);

/** The database of the server under test: DATABASE_URL in CI, else its embedded one on a fixed port. */
export function serverDatabaseUrl(): string {
  return (
    process.env.DATABASE_URL ??
    `postgresql://postgres:postgres@127.0.0.1:${E2E_EMBEDDED_DB_PORT}/postgres?sslmode=disable&application_name=${EMBEDDED_APPLICATION_NAME}`
  );
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: serverDatabaseUrl() });
  await client.connect();
  return client;
}

type TenantRole = keyof Tenant["users"];
type Fixtures = {
  sql: pg.Client;
  signIn: (who: DemoUser) => Promise<Page>;
  /**
   * An organisation of the test's own, shaped like the demo one, removed afterwards: a spec that
   * writes uses it, so the demo data the read-only specs look at never changes and the suite
   * passes in any order.
   */
  tenant: Tenant & { signIn: (role: TenantRole) => Promise<Page> };
};

export const test = base.extend<Fixtures>({
  sql: async ({}, use) => {
    const client = await connect();
    await use(client);
    await client.end();
  },
  signIn: async ({ page }, use) => {
    await use(async (who) => {
      await signInViaApi(page.request, who);
      return page;
    });
  },
  tenant: async ({ page, sql }, use, testInfo) => {
    const key = `${testInfo.workerIndex}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const { stdout } = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["e2e/seed-tenant.ts", key, serverDatabaseUrl()]);
    const tenant = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Tenant;
    try {
      await use({
        ...tenant,
        signIn: async (role) => {
          await signInAsEmail(page.request, tenant.users[role], tenant.password);
          return page;
        },
      });
    } finally {
      // Cascades to its stores, orders, users and everything else it made.
      await sql.query(`DELETE FROM "Organization" WHERE id = $1`, [tenant.organizationId]);
    }
  },
});

export { expect };

export async function shoot(page: Page, name: string) {
  const project = test.info().project.name;
  await page.screenshot({ path: `e2e/.artifacts/${name}-${project}.png`, fullPage: true });
}
