// Check-digit arithmetic for generating large volumes of valid tracking numbers (benchmark data)
// without the try-every-digit loop of tracking-numbers.ts. Same rules as the carrier data the
// validator uses (lib/policy/tracking/data); check-digits.test.ts proves they agree.

/** mod 10 with alternating weights, as the tracking data describes it (first position = index 0). */
function mod10(serial: string, evenWeight: number, oddWeight: number, reverse: boolean): number {
  const digits = [...serial].map(Number);
  if (reverse) digits.reverse();
  const total = digits.reduce((sum, d, i) => sum + d * (i % 2 === 0 ? evenWeight : oddWeight), 0);
  return (10 - (total % 10)) % 10;
}

/** USPS IMpb 22 digits: "9400 1…" + 21-digit serial + check (mod 10, weights 3/1 from the right). */
export function uspsImpb(serial21: string): string {
  return `${serial21}${mod10(serial21, 3, 1, true)}`;
}

/** UPS 1Z with an all-digit shipper code: 15-digit serial after "1Z" (shipper 6, service 2, package 7), weights 1/2. */
export function ups1z(serial15: string): string {
  return `1Z${serial15}${mod10(serial15, 1, 2, false)}`;
}

/** UPU S10 (Royal Mail and other posts): 2 letters, 8 digits, check digit, country. */
export function s10(prefix: string, serial8: string, country: string): string {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const total = [...serial8].reduce((sum, d, i) => sum + Number(d) * (weights[i] as number), 0);
  const raw = 11 - (total % 11);
  const check = raw === 10 ? 0 : raw === 11 ? 5 : raw;
  return `${prefix}${serial8}${check}${country}`;
}
