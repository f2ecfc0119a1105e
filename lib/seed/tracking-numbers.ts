import { validateTracking } from "@/lib/policy/tracking";
import type { Random } from "./random";

// Real-looking tracking numbers with correct check digits: the body is random and the check
// digit is the one the carrier's own validation (lib/policy/tracking) accepts, so the demo data
// and the validator can never disagree.
function completeCheckDigit(carrier: string, build: (check: string) => string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = build(String(d));
    if (validateTracking(candidate, carrier).valid) return candidate;
  }
  throw new Error(`no check digit makes a valid ${carrier} number from ${build("?")}`);
}

export function makeTrackingNumber(carrier: string, random: Random): string {
  switch (carrier) {
    case "USPS": {
      const body = `940011${random.digits(15)}`;
      return completeCheckDigit(carrier, (c) => body + c);
    }
    case "UPS": {
      const body = `1Z${random.pick(["5R8939", "879E93", "A12B34", "999AA1"])}${random.pick(["03", "01", "02"])}${random.digits(7)}`;
      return completeCheckDigit(carrier, (c) => body + c);
    }
    case "FedEx": {
      const body = random.digits(11);
      return completeCheckDigit(carrier, (c) => body + c);
    }
    case "Royal Mail": {
      const body = `${random.pick(["RB", "RR", "LX", "TT"])}${random.digits(8)}`;
      return completeCheckDigit(carrier, (c) => `${body}${c}GB`);
    }
    case "YunExpress":
      return `YT${random.digits(16)}`;
    case "Evri":
      return `H${random.digits(2)}${random.pick(["AA", "BC", "DE"])}${random.digits(11)}`;
    case "DPD":
      return random.digits(14);
    default:
      return random.digits(12);
  }
}

/** The same number with a wrong final check digit: what a typo or a fake number looks like. */
export function breakCheckDigit(number: string): string {
  const match = /^(.*?)(\d)([A-Z]{2})?$/.exec(number);
  if (!match) return `${number}0`;
  const [, head = "", digit = "0", tail = ""] = match;
  return `${head}${(Number(digit) + 3) % 10}${tail}`;
}
