import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const run = (url: string, init?: ConstructorParameters<typeof NextRequest>[1]) => proxy(new NextRequest(new URL(url, "http://localhost:3000"), init));

describe("proxy: odd addresses", () => {
  it.each(["/orders/%E0%A4%A", "/orders/%", "/api/orders/%ZZ"])("a broken percent-encoding in %s is a 400, not a 500", async (path) => {
    const res = await run(path);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "BAD_REQUEST", message: "The address has a broken percent-encoding." });
  });

  it.each(["/api/orders?q=%00", "/orders?q=abc%00def", "/orders/%00", "/api/orders/export?from=2026-01-01&q=x%00"])(
    "a NUL byte in %s is a 400",
    async (path) => {
      expect((await run(path)).status).toBe(400);
    },
  );

  it("ordinary addresses pass", async () => {
    expect((await run("/orders?q=caf%C3%A9&from=2026-01-01")).status).toBe(200);
  });
});

describe("proxy: Content-Security-Policy with a nonce per request", () => {
  it("allows only scripts with this response's nonce: no 'unsafe-inline' for scripts", async () => {
    const policy = (await run("/orders")).headers.get("content-security-policy") ?? "";
    const scriptSrc =
      policy
        .split(";")
        .map((d: string) => d.trim())
        .find((d: string) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("hands the same policy to Next (request header) so it can put the nonce on its scripts, and a new nonce each time", async () => {
    const a = await run("/orders");
    const b = await run("/orders");
    const nonce = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(a.headers.get("content-security-policy"));
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce(a));
  });
});

describe("proxy: malformed server-action calls are a 400, not a 500", () => {
  const action = (body: BodyInit, type: string, id = "7f".repeat(21)) =>
    run("/risk", { method: "POST", body, headers: { "next-action": id, "content-type": type } });

  it.each([
    ["a body that is not JSON", () => action("{not json", "text/plain;charset=UTF-8")],
    ["a broken multipart body", () => action('--b\r\nContent-Disposition: form-data; name="1"\r\n\r\nx', "multipart/form-data; boundary=b")],
    ["a binary body", () => action(new Uint8Array([0, 1, 2]), "application/octet-stream")],
    ["an action id that is no id", () => action("[]", "text/plain;charset=UTF-8", "../../etc")],
  ])("%s", async (_name, send) => {
    expect((await send()).status).toBe(400);
  });

  it("a well-formed call passes on to Next", async () => {
    expect((await action('["$K1"]', "text/plain;charset=UTF-8")).status).toBe(200);
    const form = new FormData();
    form.set("1_$ACTION_ID_x", "");
    expect((await action(form, "")).status).toBe(200);
  });
});
