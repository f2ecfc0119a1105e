import { describe, expect, it } from "vitest";
import { APPROVED_CARRIERS, buildTrackingUrl, normaliseCarrierName } from "./carriers";
import { TRACKING_FORMATS, matchFormat, normaliseTrackingNumber } from "./formats";
import { validateTracking } from "./validate";

// Which named carrier each data file's formats belong to, for the carrier-level assertions.
function carrierFor(formatId: string, courier: string): string | null {
  if (courier === "usps") return "USPS";
  if (courier === "ups") return "UPS";
  if (courier === "fedex") return "FedEx";
  if (courier === "dhl") return formatId.startsWith("dhl_ecommerce") ? "DHL eCommerce" : "DHL Express";
  return null;
}

describe("tracking data test vectors", () => {
  it("bundles every carrier file", () => {
    expect(new Set(TRACKING_FORMATS.map((f) => f.courier))).toEqual(new Set(["usps", "ups", "fedex", "dhl", "s10"]));
    expect(TRACKING_FORMATS.reduce((n, f) => n + f.testNumbers.valid.length + f.testNumbers.invalid.length, 0)).toBeGreaterThan(100);
  });

  for (const format of TRACKING_FORMATS) {
    describe(format.id, () => {
      for (const number of format.testNumbers.valid) {
        it(`accepts ${JSON.stringify(number)}`, () => {
          expect(matchFormat(format, normaliseTrackingNumber(number))?.valid).toBe(true);
          const named = carrierFor(format.id, format.courier);
          const r = validateTracking(number, named);
          expect(r.valid, r.reason).toBe(true);
          if (named) expect(r.carrier).toBe(named);
        });
      }
      for (const number of format.testNumbers.invalid) {
        it(`rejects ${JSON.stringify(number)}`, () => {
          expect(matchFormat(format, normaliseTrackingNumber(number))?.valid ?? false).toBe(false);
          const named = carrierFor(format.id, format.courier);
          if (named) expect(validateTracking(number, named).valid).toBe(false);
          else expect(validateTracking(number).valid).toBe(false);
        });
      }
    });
  }
});

describe("validateTracking with a named carrier", () => {
  it("normalises spaces and case", () => {
    expect(validateTracking(" 1z5r 8939 0357 5671 27 ", "ups")).toMatchObject({ valid: true, carrier: "UPS", normalised: "1Z5R89390357567127" });
  });
  it("tries the named carrier first: colliding numeric formats are not re-guessed", () => {
    // A valid 15-digit FedEx Ground number named as FedEx stays FedEx.
    expect(validateTracking("041441760228964", "FedEx")).toMatchObject({ valid: true, carrier: "FedEx" });
  });
  it("reports the owner of the format on a mismatch", () => {
    expect(validateTracking("1Z5R89390357567127", "USPS")).toMatchObject({ valid: false, carrier: "UPS", status: "mismatch" });
    expect(validateTracking("9400111206206406260787", "FedEx")).toMatchObject({ valid: false, carrier: "USPS", status: "mismatch" });
  });
  it("names the carrier on a wrong check digit, null when nothing fits", () => {
    expect(validateTracking("1Z5R89390357567128", "UPS")).toMatchObject({ valid: false, carrier: "UPS", status: "invalid" });
    expect(validateTracking("hello", "UPS")).toMatchObject({ valid: false, carrier: null });
    expect(validateTracking("", "UPS")).toMatchObject({ valid: false, carrier: null });
    expect(validateTracking("1Z5R8939/0357567127", "UPS")).toMatchObject({ valid: false, carrier: null });
  });
  it("accepts S10 numbers for posts and tells where they were posted", () => {
    expect(validateTracking("RB123456785US", "USPS")).toMatchObject({ valid: true, carrier: "USPS", s10Country: "US" });
    expect(validateTracking("RB123456785GB", "Royal Mail")).toMatchObject({ valid: true, carrier: "Royal Mail", s10Country: "GB" });
    expect(validateTracking("RB123456785CV")).toMatchObject({ valid: true, s10Country: "CV" });
  });
  it("only checks the shape for carriers without check-digit data", () => {
    expect(validateTracking("D10011100123456", "OnTrac")).toMatchObject({ valid: true, status: "unverified", carrier: "OnTrac" });
    expect(validateTracking("ABCDEFGH", "OnTrac")).toMatchObject({ valid: false });
  });
  it("detects the carrier when none is named", () => {
    expect(validateTracking("986578788855")).toMatchObject({ valid: true, carrier: "FedEx" });
    expect(validateTracking("3318810025")).toMatchObject({ valid: true, carrier: "DHL Express" });
  });
});

describe("carrier names", () => {
  it.each([
    ["USPS", "USPS"],
    ["U.S. Postal Service", "USPS"],
    ["United States Postal Service", "USPS"],
    ["usps ground advantage", "USPS"],
    ["UPS", "UPS"],
    ["UPS SurePost", "UPS"],
    ["United Parcel Service", "UPS"],
    ["FedEx", "FedEx"],
    ["Federal Express", "FedEx"],
    ["FedEx Home Delivery", "FedEx"],
    ["DHL eCommerce", "DHL eCommerce"],
    ["DHL E-Commerce", "DHL eCommerce"],
    ["DHL", "DHL Express"],
    ["Royal Mail", "Royal Mail"],
    ["Hermes", "Evri"],
    ["Spee-Dee", "Spee-Dee Delivery"],
    ["Deliver-it", "Deliver-it"],
    ["Yanwen", "Yanwen"],
    ["", null],
  ])("%s → %s", (name, expected) => {
    expect(normaliseCarrierName(name)).toBe(expected);
  });
  it("keeps the spec's exact approved names", () => {
    expect(APPROVED_CARRIERS.US).toHaveLength(15);
    expect(APPROVED_CARRIERS.US).toContain("Lone Star Overnight");
    expect(APPROVED_CARRIERS.US).not.toContain("DHL Express");
    expect(APPROVED_CARRIERS.UK).toEqual(["Royal Mail", "Evri", "DPD", "Yodel"]);
  });
  it("builds tracking links", () => {
    expect(buildTrackingUrl("USPS", "9400 1112 0108 0805 4830 16")).toBe("https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111201080805483016");
    expect(buildTrackingUrl("Federal Express", "986578788855")).toContain("986578788855");
    expect(buildTrackingUrl("Yanwen", "LX123")).toBeNull();
  });
});
