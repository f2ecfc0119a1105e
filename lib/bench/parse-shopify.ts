// Measures parseShopifyCsv on a generated export: `npx tsx lib/bench/parse-shopify.ts [lines]`.
// Prints one JSON line so the shared `npm run bench` can collect it.
import { PassThrough } from "node:stream";
import { generateShopifyExport } from "./shopify-export";
import { parseShopifyCsv } from "@/lib/ingest/shopify-csv";

export async function measureShopifyParse(
  lineCount: number,
): Promise<{ lines: number; orders: number; errors: number; seconds: number; linesPerSecond: number }> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  await generateShopifyExport(lineCount, sink, { seed: 42 });
  sink.end();
  const file = Buffer.concat(chunks);
  const started = process.hrtime.bigint();
  let orders = 0;
  let lines = 0;
  let errors = 0;
  const input = new PassThrough();
  input.end(file);
  for await (const item of parseShopifyCsv(input)) {
    if (item.kind === "order") {
      orders++;
      lines += item.order.lines.length;
    } else errors++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { lines, orders, errors, seconds, linesPerSecond: Math.round(lines / seconds) };
}

if (process.argv[1]?.endsWith("parse-shopify.ts")) {
  const n = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify({ bench: "shopify-csv-parse", ...(await measureShopifyParse(n)) }));
}
