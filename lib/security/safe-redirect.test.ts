import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  // As Next hands searchParams over: percent-decoded once.
  const hostile = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    decodeURIComponent("/%5Cevil.example/"),
    decodeURIComponent("/%09/evil.example/"),
    decodeURIComponent("/%0A/evil.example"),
    decodeURIComponent("/%0D%0A/evil.example"),
    decodeURIComponent("/%00/evil.example"),
    "/\t/evil.example",
    "/./\u0000/evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/login",
  ];
  it.each(hostile)("sends %j to /", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("refuses what is not one string (a repeated parameter arrives as an array)", () => {
    expect(safeCallbackPath(["/orders", "//evil.example"])).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("/" + "a".repeat(5000))).toBe("/");
  });

  it("keeps the app's own paths with their query and fragment", () => {
    expect(safeCallbackPath("/orders?status=AWAITING_SHIPMENT&page=2")).toBe("/orders?status=AWAITING_SHIPMENT&page=2");
    expect(safeCallbackPath("/stores/abc/exposure#headroom")).toBe("/stores/abc/exposure#headroom");
    expect(safeCallbackPath("/risk/../orders")).toBe("/orders");
    expect(safeCallbackPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });
});
