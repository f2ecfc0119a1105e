import type { Metadata } from "next";
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
import { shareLinkState } from "@/lib/sharing/tokens";

export const metadata: Metadata = { title: "Supplier share links" };

export default async function SharingPage() {
  const user = await requirePageUser(["OWNER"]);
  const [links, suppliers, stores] = await Promise.all([
    listShareLinks(user.organizationId),
    listSupplierOptions(scopeOf(user)),
    listStoreOptions(scopeOf(user)),
  ]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Supplier share links</h1>
        <p className="text-sm text-slate-500">
          A read-only view of one supplier&apos;s orders, deadlines and scorecard — no prices, no buyer contact details — for suppliers without an account.
          Links expire, can be revoked at any time, and every visit is recorded.
        </p>
      </div>
      <Card>
        <CardHeader title="New link" />
        <CardBody>
          <CreateShareLinkForm suppliers={suppliers} stores={stores} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Links" description="Newest first" />
        {links.length === 0 ? (
          <CardBody>
            <EmptyState title="No share links yet" />
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
                      {link.supplier.name} · {link.store?.name ?? "all stores"} · expires {formatInstant(link.expiresAt, "UTC")}
                    </p>
                    <p className="text-xs text-slate-500">
                      {link._count.views} view{link._count.views === 1 ? "" : "s"}
                      {last ? ` · last ${formatInstant(last.viewedAt, "UTC")} from ${last.ip ?? "unknown address"}` : ""}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <Badge tone={state === "active" ? "success" : state === "expired" ? "neutral" : "critical"}>{state}</Badge>
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
