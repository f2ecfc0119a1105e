import { describe, expect, it } from "vitest";
import { nextServerNodeOptions, validateServerEnv } from "./env";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/app", NEXTAUTH_SECRET: "a-secret-of-sixteen+" };

describe("environment", () => {
  it("fills the documented defaults", () => {
    expect(validateServerEnv(base)).toMatchObject({
      PORT: 3000,
      DATA_DIR: ".data",
      OVERVIEW_CACHE_SECONDS: 30,
      DATABASE_POOL_SIZE: 10,
      DATABASE_NAMED_STATEMENTS: true,
      SERVER_HEAP_MB: 448,
    });
  });
  it("gives the web server its heap limit unless NODE_OPTIONS names one or it is turned off", () => {
    expect(nextServerNodeOptions("--import file:///hook.mjs", 512)).toBe("--import file:///hook.mjs --max-old-space-size=512");
    expect(nextServerNodeOptions("--max-old-space-size=2048", 512)).toBe("--max-old-space-size=2048");
    expect(nextServerNodeOptions("", 0)).toBe("");
    expect(() => validateServerEnv({ ...base, SERVER_HEAP_MB: "lots" })).toThrow(/SERVER_HEAP_MB/);
  });
  it("names the variable that is wrong", () => {
    expect(() => validateServerEnv({ ...base, OVERVIEW_CACHE_SECONDS: "thirty" })).toThrow(/OVERVIEW_CACHE_SECONDS/);
    expect(() => validateServerEnv({ ...base, OVERVIEW_CACHE_SECONDS: "-5" })).toThrow(/OVERVIEW_CACHE_SECONDS/);
    expect(() => validateServerEnv({ ...base, DATABASE_NAMED_STATEMENTS: "off" })).toThrow(/DATABASE_NAMED_STATEMENTS/);
    expect(() => validateServerEnv({ ...base, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => validateServerEnv({ ...base, PORT: "eighty" })).toThrow(/PORT/);
    expect(() => validateServerEnv({ DATABASE_URL: base.DATABASE_URL })).toThrow(/NEXTAUTH_SECRET/);
  });
  it("treats an empty variable as unset", () => {
    expect(validateServerEnv({ ...base, OVERVIEW_CACHE_SECONDS: "" }).OVERVIEW_CACHE_SECONDS).toBe(30);
    expect(validateServerEnv({ ...base, DATABASE_NAMED_STATEMENTS: "0" }).DATABASE_NAMED_STATEMENTS).toBe(false);
  });
});
