import type { IncomingMessage, Server, ServerResponse } from "node:http";

export const HEADER: "x-client-address";
export function deriveClientAddress(forwardedFor: string | string[] | undefined, peer: string | undefined, hops: number): string | null;
export function trustedHops(): number;
export function install(target?: Server, options?: { concurrency?: number; queueLimit?: number }): void;
export function refuseTarget(target: string | undefined): string | null;
export function concurrentRenders(): number;
export type RequestLane = {
  admit(req: IncomingMessage, res: ServerResponse, handle: () => void): void;
  stats: { admitted: number; queued: number; dropped: number; refused: number };
  inFlight(): number;
  waiting(): number;
};
export function createRequestLane(options: { limit: number; queueLimit?: number }): RequestLane;
