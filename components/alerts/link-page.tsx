import { getTranslations } from "@/lib/i18n/server";
import { buttonClasses } from "@/components/ui/button";

/** The page a signed link opens: one message, and at most one button that does the one thing. */
export async function LinkPage({
  title,
  body,
  testId,
  form,
}: {
  title: string;
  body: React.ReactNode;
  testId: string;
  form?: { action: string; token: string; label: string };
}) {
  const t = await getTranslations("links");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm" data-testid={testId}>
        <p className="text-xs font-semibold tracking-widest text-teal-700 uppercase">{t("kicker")}</p>
        <h1 className="mt-1 text-xl font-semibold">{title}</h1>
        <div className="mt-2 text-sm text-slate-600">{body}</div>
        {form ? (
          <form method="post" action={form.action} className="mt-4">
            <input type="hidden" name="token" value={form.token} />
            <button type="submit" className={buttonClasses("primary")}>
              {form.label}
            </button>
          </form>
        ) : null}
      </div>
    </main>
  );
}
