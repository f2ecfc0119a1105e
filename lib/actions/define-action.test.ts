import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const session = vi.hoisted(() => ({ role: null as null | "OWNER" | "OPS" | "SUPPLIER" }));
vi.mock("@/lib/auth", () => ({
  requireApiUser: vi.fn(async (roles?: readonly string[]) => {
    if (!session.role) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    if (roles && !roles.includes(session.role)) throw new AppError("FORBIDDEN", "Your role cannot do this.");
    return { id: "u1", email: "o@x.test", name: "O", organizationId: "org1", role: session.role, supplierId: null };
  }),
}));

const { defineAction, fieldError, fieldErrorsOf, succeed } = await import("./define-action");
const { cachedViewRead } = await import("@/lib/data/cache");

const schema = z.object({ name: z.string().min(2, "Too short"), count: z.coerce.number().int("Whole numbers only"), password: z.string().optional() });
const handler = vi.fn(async (input: z.output<typeof schema>) => {
  if (input.name === "taken") throw fieldError("name", "Already used");
  if (input.name === "boom") throw new Error("database down");
  return succeed({ doubled: input.count * 2 }, "Saved.");
});
const action = defineAction({ roles: ["OWNER"], schema }, handler);

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

beforeEach(() => {
  session.role = "OWNER";
  handler.mockClear();
});

describe("defineAction", () => {
  it("refuses anonymous and the wrong role before validating or running anything", async () => {
    session.role = null;
    expect(await action({ name: "ok", count: 1 })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    session.role = "SUPPLIER";
    expect(await action({ name: "ok", count: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("takes a plain object or a form's fields, the same way", async () => {
    expect(await action({ name: "lamp", count: 2 })).toEqual({ ok: true, data: { doubled: 4 }, message: "Saved." });
    expect(await action(null, form({ name: "lamp", count: "3", $ACTION_ID_x: "" }))).toEqual({ ok: true, data: { doubled: 6 }, message: "Saved." });
  });

  it("names each invalid field with zod's message and never runs the handler", async () => {
    const result = await action(null, form({ name: "x", count: "1.5", password: "hunter2" }));
    expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST", fieldErrors: { name: "Too short", count: "Whole numbers only" } });
    // What was typed comes back for the form, secrets never.
    expect(!result.ok && result.values).toEqual({ name: "x", count: "1.5" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("a field error thrown by the handler reaches the field", async () => {
    expect(await action({ name: "taken", count: 1 })).toMatchObject({ ok: false, code: "BAD_REQUEST", fieldErrors: { name: "Already used" } });
  });

  it("an unexpected error becomes a neutral message, without its internals", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await action({ name: "boom", count: 1 });
    expect(result).toEqual({ ok: false, code: "INTERNAL", message: "Something went wrong on our side; nothing was saved." });
    expect(JSON.stringify(result)).not.toContain("database down");
    spy.mockRestore();
  });

  it("after an action, succeeded or failed, the organisation's view reads are loaded again", async () => {
    let loads = 0;
    const storeOptions = async () => ++loads;
    expect(await cachedViewRead("view-stores", "org1", storeOptions)).toBe(1);
    expect(await cachedViewRead("view-stores", "org1", storeOptions)).toBe(1);
    await action({ name: "lamp", count: 2 });
    expect(await cachedViewRead("view-stores", "org1", storeOptions)).toBe(2);
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await action({ name: "boom", count: 1 });
    spy.mockRestore();
    expect(await cachedViewRead("view-stores", "org1", storeOptions)).toBe(3);
    // A refused call ran nothing, so nothing is forgotten.
    session.role = "SUPPLIER";
    await action({ name: "lamp", count: 2 });
    expect(await cachedViewRead("view-stores", "org1", storeOptions)).toBe(3);
  });
});

describe("fieldErrorsOf", () => {
  it('keeps the first message of each field, and a form-level one under "form"', () => {
    const s = z.object({ a: z.string().min(3, "first").max(1, "second") }).refine(() => false, "whole form");
    const parsed = s.safeParse({ a: "ab" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error)).toEqual({ a: "first", form: "whole form" });
  });
});
