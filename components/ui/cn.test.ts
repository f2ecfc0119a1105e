import { describe, expect, it } from "vitest";
import { buttonClasses } from "./button";
import { cn } from "./cn";
import { fieldClasses } from "./input";

describe("cn", () => {
  it("lets a later padding or text size override the primitive's own", () => {
    expect(cn("px-3 py-2 text-sm", "px-2 py-1 text-xs")).toBe("px-2 py-1 text-xs");
  });
  it("keeps classes that do not conflict, and drops falsy ones", () => {
    expect(cn("rounded-lg", false, undefined, "font-medium")).toBe("rounded-lg font-medium");
  });
});

describe("size variants", () => {
  it("a small button has the small padding only", () => {
    const classes = buttonClasses("secondary", undefined, "sm").split(" ");
    expect(classes).toContain("px-2");
    expect(classes).toContain("text-xs");
    expect(classes).not.toContain("px-3");
    expect(classes).not.toContain("text-sm");
  });
  it("a small field has the small padding only", () => {
    const classes = fieldClasses("sm").split(" ");
    expect(classes).toContain("py-1");
    expect(classes).not.toContain("py-2");
  });
});
