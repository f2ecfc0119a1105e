import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Floor" };
export const dynamic = "force-dynamic";

/**
 * The framework floor: the dashboard's shell and session check, and no data. `npm run bench`
 * loads it with the same 20 clients as the overview, so a screen's p95 is judged against what
 * any signed-in page costs on the same machine in the same run (docs/benchmarks.md).
 */
export default async function FloorPage() {
  await requirePageUser();
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold">Nothing to see here</h1>
      <p className="text-sm text-slate-500">
        This page has the dashboard&apos;s frame and nothing else; the benchmark measures it as the yardstick for the other screens.
      </p>
    </div>
  );
}
