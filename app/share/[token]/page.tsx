import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { SupplierOrdersList, SupplierOrdersPager, SupplierScorecardCard } from "@/components/supplier-view/supplier-view";
import { openShareLink } from "@/lib/data/share-links";
import { getSupplierOrdersPage, getSupplierScorecard } from "@/lib/data/supplier-view";
import { formatInstant } from "@/lib/format";
import { clientAddressOf } from "@/lib/security/client-address";
import { pageParam } from "@/lib/validations/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shared supplier view", robots: { index: false, follow: false } };

const MESSAGES = {
  invalid: { title: "This link is not valid", body: "Check that you copied the whole link, or ask the seller for a new one." },
  expired: { title: "This link has expired", body: "Share links are valid for a limited time. Ask the seller for a new link." },
  revoked: { title: "This link has been revoked", body: "The seller has turned this link off. Ask them for a new one if you still need access." },
} as const;

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
  const opened = await openShareLink(token, now, { ip, userAgent: h.get("user-agent") });

  if (opened.state !== "active") {
    const message = MESSAGES[opened.state];
    return (
      <main className="flex min-h-screen items-center justify-center px-4">
        <div className="max-w-md text-center" data-testid={`share-${opened.state}`}>
          <h1 className="text-xl font-semibold">{message.title}</h1>
          <p className="mt-2 text-sm text-slate-600">{message.body}</p>
        </div>
      </main>
    );
  }

  const scope = { organizationId: opened.link.organizationId, supplierId: opened.link.supplierId, storeId: opened.link.storeId };
  const [card, list] = await Promise.all([getSupplierScorecard(scope, now), getSupplierOrdersPage(scope, now, page, undefined, await getLocale())]);
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-6">
      <div>
        <p className="text-xs font-semibold tracking-widest text-teal-700 uppercase">Shared by {opened.link.organizationName}</p>
        <h1 className="text-xl font-semibold">{opened.link.label}</h1>
        <p className="text-sm text-slate-500">Read-only · valid until {formatInstant(opened.link.expiresAt, "UTC")} · every visit is recorded</p>
      </div>
      {card ? <SupplierScorecardCard card={card} /> : null}
      <SupplierOrdersList orders={list.orders} now={now} />
      <SupplierOrdersPager list={list} basePath={`/share/${encodeURIComponent(token)}`} />
    </main>
  );
}
