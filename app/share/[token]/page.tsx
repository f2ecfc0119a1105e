import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { SupplierOrdersList, SupplierOrdersPager, SupplierScorecardCard } from "@/components/supplier-view/supplier-view";
import { openShareLink } from "@/lib/data/share-links";
import { getSupplierOrdersPage, getSupplierScorecard } from "@/lib/data/supplier-view";
import { formatInstant } from "@/lib/format";
import { clientAddressOf } from "@/lib/security/client-address";
import { pageParam } from "@/lib/validations/page";

export const dynamic = "force-dynamic";

// Nobody is signed in here: the visitor's browser (Accept-Language) decides the language, so a
// Chinese warehouse reads it in Chinese.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("share");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function SharedSupplierPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const page = pageParam((await searchParams).page);
  const h = await headers();
  const now = new Date();
  // The same trusted-hop rule as sign-in limits: never a client-written X-Forwarded-For.
  const ip = clientAddressOf(h);
  const [opened, t, locale] = await Promise.all([openShareLink(token, now, { ip, userAgent: h.get("user-agent") }), getTranslations("share"), getLocale()]);

  if (opened.state !== "active") {
    return (
      <main className="flex min-h-screen items-center justify-center px-4">
        <div className="max-w-md text-center" data-testid={`share-${opened.state}`}>
          <h1 className="text-xl font-semibold">{t(`${opened.state}.title`)}</h1>
          <p className="mt-2 text-sm text-slate-600">{t(`${opened.state}.body`)}</p>
        </div>
      </main>
    );
  }

  const scope = { organizationId: opened.link.organizationId, supplierId: opened.link.supplierId, storeId: opened.link.storeId };
  const [card, list] = await Promise.all([getSupplierScorecard(scope, now), getSupplierOrdersPage(scope, now, page, undefined, await getLocale())]);
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-6">
      <div>
        <p className="text-xs font-semibold tracking-widest break-words text-teal-700 uppercase">
          {t("sharedBy", { organization: opened.link.organizationName })}
        </p>
        <h1 className="text-xl font-semibold break-words">{opened.link.label}</h1>
        <p className="text-sm text-slate-500">{t("readOnly", { date: formatInstant(opened.link.expiresAt, "UTC", locale === "en" ? undefined : locale) })}</p>
      </div>
      {card ? <SupplierScorecardCard card={card} /> : null}
      <SupplierOrdersList orders={list.orders} now={now} />
      <SupplierOrdersPager list={list} basePath={`/share/${encodeURIComponent(token)}`} />
    </main>
  );
}
