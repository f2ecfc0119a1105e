import type { ActionResult } from "@/lib/actions/compliance";

export function FormStatus({ result }: { result: ActionResult | null }) {
  if (!result) return null;
  return result.ok ? (
    <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {result.message}
    </p>
  ) : (
    <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
      {result.message}
    </p>
  );
}
