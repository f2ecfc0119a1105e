import { describe, expect, it } from "vitest";
import { validateTracking } from "@/lib/policy/tracking";
import { createRandom } from "./random";
import { s10, ups1z, uspsImpb } from "./check-digits";

describe("generated tracking numbers pass the carrier validator", () => {
  const random = createRandom(42);
  it.each([
    ["USPS", () => uspsImpb(`940011${random.digits(15)}`)],
    ["UPS", () => ups1z(random.digits(15))],
    ["Royal Mail", () => s10("RB", random.digits(8), "GB")],
  ] as const)("%s", (carrier, make) => {
    for (let i = 0; i < 300; i++) {
      const number = make();
      expect(validateTracking(number, carrier), number).toMatchObject({ valid: true });
    }
  });
});
