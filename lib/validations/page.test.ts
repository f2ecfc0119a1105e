import { describe, expect, it } from "vitest";
import { pageParam } from "./page";

describe("pageParam", () => {
  it("reads a page number and falls back to the first page for anything else", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam(["2", "9"])).toBe(2);
    for (const bad of [undefined, "", "0", "-1", "2.5", "abc", "1e9"]) expect(pageParam(bad), String(bad)).toBe(1);
  });
});
