import type { ActionResult } from "@/lib/action-result";
import { cn } from "./cn";

/** A server action's outcome under its form: a status line on success, an alert on refusal. */
export function FormMessage<T>({ result, compact = false, className }: { result: ActionResult<T> | null; compact?: boolean; className?: string }) {
  if (!result?.message) return null;
  const tone = result.ok ? "text-emerald-800" : "text-rose-800";
  return (
    <p
      role={result.ok ? "status" : "alert"}
      className={cn(compact ? "text-xs" : "rounded-lg px-3 py-2 text-sm", compact ? "" : result.ok ? "bg-emerald-50" : "bg-rose-50", tone, className)}
    >
      {result.message}
    </p>
  );
}
