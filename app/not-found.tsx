import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { buttonClasses } from "@/components/ui/button";

/** Any address that is no page (Next's own 404 page would be English only). */
export default async function NotFound() {
  const t = await getTranslations("errors.notFound");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-xs font-semibold tracking-widest text-slate-500 uppercase">404</p>
        <h1 className="mt-1 text-xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
        <Link href="/" className={buttonClasses("secondary", "mt-4")}>
          {t("home")}
        </Link>
      </div>
    </main>
  );
}
