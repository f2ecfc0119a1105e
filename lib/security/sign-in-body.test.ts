import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";

const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const post = (body: string, type: string) =>
  POST(new NextRequest("http://localhost:3000/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": type } }), context);

describe("sign-in bodies", () => {
  it.each(["{not json", "[1,2]", "null", '"text"'])("malformed JSON %j is a 400, not a 500", async (body) => {
    const res = await post(body, "application/json");
    expect(res.status).toBe(400);
  });

  it("an oversized body is a 413 without being parsed", async () => {
    expect((await post(`email=${"a".repeat(20_000)}`, "application/x-www-form-urlencoded")).status).toBe(413);
  });
});
