import { getTranslations } from "@/lib/i18n/server";
import { EmptyState } from "@/components/ui/empty-state";

/** An honest page for a screen that is not built yet. */
export async function NotBuiltYet({ title, what }: { title: string; what: string }) {
  const t = await getTranslations("shell");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      <EmptyState title={t("notBuiltYet")}>{what}</EmptyState>
    </div>
  );
}
