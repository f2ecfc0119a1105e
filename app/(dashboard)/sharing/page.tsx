import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { CreateShareLinkForm } from "@/components/sharing/create-share-link-form";
import { RevokeShareLinkButton } from "@/components/sharing/revoke-share-link-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth";
import { scopeOf } from "@/lib/data/scope";
import { listShareLinks } from "@/lib/data/share-links";
import { listStoreOptions } from "@/lib/data/stores";
import { listSupplierOptions } from "@/lib/data/suppliers";
import { formatInstant } from "@/lib/format";
import { dateLocale } from "@/lib/i18n/intl-locale";
import { shareLinkState } from "@/lib/sharing/tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sharing");
  return { title: t("title") };
}

export default async function SharingPage() {
  const user = await requirePageUser(["OWNER"]);
  const [links, suppliers, stores, t, locale] = await Promise.all([
    listShareLinks(user.organizationId),
    listSupplierOptions(scopeOf(user)),
    listStoreOptions(scopeOf(user)),
    getTranslations("sharing"),
    getLocale(),
  ]);
  const now = new Date();
  const at = (instant: Date) => formatInstant(instant, "UTC", dateLocale(locale));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={t("newLink")} />
        <CardBody>
          <CreateShareLinkForm suppliers={suppliers} stores={stores} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("links")} description={t("newestFirst")} />
        {links.length === 0 ? (
          <CardBody>
            <EmptyState title={t("empty")} />
          </CardBody>
        ) : (
          <ul className="divide-y divide-slate-100">
            {links.map((link) => {
              const state = shareLinkState(link, now);
              const last = link.views[0];
              return (
                <li key={link.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="share-link-row">
                  <div>
                    <p className="font-medium">{link.label}</p>
                    <p className="text-xs text-slate-500">
                      {t("linkLine", { supplier: link.supplier.name, store: link.store?.name ?? t("allStores"), expires: at(link.expiresAt) })}
                    </p>
                    <p className="text-xs text-slate-500">
                      {last
                        ? t("viewsLast", { count: link._count.views, at: at(last.viewedAt), ip: last.ip ?? t("unknownAddress") })
                        : t("views", { count: link._count.views })}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <Badge tone={state === "active" ? "success" : state === "expired" ? "neutral" : "critical"}>{t(`state.${state}`)}</Badge>
                    {state === "active" ? <RevokeShareLinkButton id={link.id} label={link.label} /> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
