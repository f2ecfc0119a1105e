import { EmptyState } from "@/components/ui/empty-state";

/** An honest page for a screen that is not built yet. */
export function NotBuiltYet({ title, what }: { title: string; what: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      <EmptyState title="This screen is not built yet">{what}</EmptyState>
    </div>
  );
}
