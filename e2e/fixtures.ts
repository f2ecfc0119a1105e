import { type APIRequestContext, type Page, test as base, expect } from "@playwright/test";
import pg from "pg";
import { EMBEDDED_APPLICATION_NAME } from "../lib/database/embedded-url";

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
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: USERS[who], password: DEMO_PASSWORD, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email: string } };
  expect(session.user?.email).toBe(USERS[who]);
}

export const E2E_EMBEDDED_DB_PORT = Number(process.env.E2E_DB_PORT ?? 55433);

/** The database of the server under test: DATABASE_URL in CI, else its embedded one on a fixed port. */
export function serverDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${E2E_EMBEDDED_DB_PORT}/postgres?sslmode=disable&application_name=${EMBEDDED_APPLICATION_NAME}`;
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: serverDatabaseUrl() });
  await client.connect();
  return client;
}

type Fixtures = { sql: pg.Client; signIn: (who: DemoUser) => Promise<Page> };

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
});

export { expect };

export async function shoot(page: Page, name: string) {
  const project = test.info().project.name;
  await page.screenshot({ path: `e2e/.artifacts/${name}-${project}.png`, fullPage: true });
}
