import { CircleCheck, Circle } from "lucide-react";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { SetupStatus } from "@/lib/data/routing";
import { DemoRemoveForm } from "./demo-remove-form";

/**
 * The overview's first steps for an organisation of one's own (until it has stores, orders and
 * suppliers), the count of open orders nobody will ship, and the demo owner's way out of the demo.
 */
export function GettingStarted({ status, isOwner }: { status: SetupStatus; isOwner: boolean }) {
  const steps = [
    {
      done: status.stores > 0,
      title: "Add your first store",
      detail: "Your TikTok Shop and your brand site, with their market and time zone.",
      href: "/stores#add-store",
      cta: "Add a store",
    },
    {
      done: status.orders > 0,
      title: "Import its orders",
      detail: "A TikTok Seller Center export or a Shopify orders CSV; the SKUs become your catalogue.",
      href: "/import",
      cta: "Import orders",
    },
    {
      done: status.suppliers > 0,
      title: "Add your suppliers and route SKUs to them",
      detail: "Each supplier then sees exactly the orders they ship.",
      href: "/suppliers",
      cta: "Add suppliers",
    },
  ];
  const setupDone = steps.every((s) => s.done);
  return (
    <div className="space-y-4">
      {!setupDone && !status.isDemo ? (
        <Card data-testid="getting-started">
          <CardHeader title="Get started" description="Three steps to see your own business here" />
          <CardBody>
            <ol className="space-y-3">
              {steps.map((s, i) => (
                <li key={s.title} className="flex gap-3">
                  {s.done ? (
                    <CircleCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-600" />
                  ) : (
                    <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-300" />
                  )}
                  <div className="min-w-0">
                    <p className="text-sm font-medium text-slate-900">
                      {i + 1}. {s.title} {s.done ? <span className="sr-only">(done)</span> : null}
                    </p>
                    <p className="text-sm text-slate-600">{s.detail}</p>
                    {!s.done && (isOwner || s.href === "/import") ? (
                      <Link href={s.href} className="mt-1 inline-block text-sm font-medium text-teal-700 hover:underline">
                        {s.cta} →
                      </Link>
                    ) : null}
                  </div>
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      ) : null}
      {status.unassigned > 0 ? (
        <p
          role="status"
          className={
            status.unassignedOpen > 0
              ? "rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
              : "rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700"
          }
          data-testid="overview-unassigned"
        >
          {status.unassignedOpen > 0 ? (
            <>
              <strong className="tabular-nums">{status.unassignedOpen}</strong> open {status.unassignedOpen === 1 ? "order has" : "orders have"} no supplier:
              nobody will ship {status.unassignedOpen === 1 ? "it" : "them"}.{" "}
            </>
          ) : (
            "No open order lacks a supplier. "
          )}
          <strong className="tabular-nums">{status.unassigned}</strong> {status.unassigned === 1 ? "order" : "orders"} in all{" "}
          {status.unassigned === 1 ? "has" : "have"} none (supplier scorecards leave {status.unassigned === 1 ? "it" : "them"} out).{" "}
          <Link href="/orders?supplier=unassigned" className="font-medium underline">
            See unassigned orders
          </Link>
        </p>
      ) : null}
      {status.isDemo && isOwner ? (
        <Card>
          <CardHeader
            title="This is demo data"
            description="When you are ready for your own business, remove the demo organisation and everything in it (your demo account too)."
          />
          <CardBody>
            <DemoRemoveForm />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
