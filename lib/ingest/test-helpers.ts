import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { NormalizedOrder, ParsedItem } from "./types";

export function openFixture(name: string): Readable {
  return createReadStream(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
}

export function streamOf(text: string | Buffer): Readable {
  return Readable.from([typeof text === "string" ? Buffer.from(text) : text]);
}

export async function collect(
  items: AsyncIterable<ParsedItem>,
): Promise<{ orders: (NormalizedOrder & { line: number })[]; errors: { line: number; message: string }[]; all: ParsedItem[] }> {
  const all: ParsedItem[] = [];
  for await (const item of items) all.push(item);
  return {
    all,
    orders: all.flatMap((i) => (i.kind === "order" ? [{ ...i.order, line: i.line }] : [])),
    errors: all.flatMap((i) => (i.kind === "error" ? [{ line: i.line, message: i.message }] : [])),
  };
}
