import type { Server } from "node:http";

export const HEADER: "x-client-address";
export function deriveClientAddress(forwardedFor: string | string[] | undefined, peer: string | undefined, hops: number): string | null;
export function trustedHops(): number;
export function install(target?: Server): void;
export function refuseTarget(target: string | undefined): string | null;
