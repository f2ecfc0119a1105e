import { CircleCheck, Circle } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { SetupStatus } from "@/lib/data/routing";
import { DemoRemoveForm } from "./demo-remove-form";

const STEPS = [
  { key: "store", href: "/stores#add-store", done: (s: SetupStatus) => s.stores > 0 },
  { key: "orders", href: "/import", done: (s: SetupStatus) => s.orders > 0 },
  { key: "suppliers", href: "/suppliers", done: (s: SetupStatus) => s.suppliers > 0 },
] as const;

/**
 * The overview's first steps for an organisation of one's own (until it has stores, orders and
 * suppliers), the count of open orders nobody will ship, and the demo owner's way out of the demo.
 */
export async function GettingStarted({ status, isOwner }: { status: SetupStatus; isOwner: boolean }) {
  // i18n-uses: gettingStarted.unassigned (chosen by the count below)
  const t = await getTranslations("gettingStarted");
  const steps = STEPS.map((s) => ({ ...s, done: s.done(status) }));
  const setupDone = steps.every((s) => s.done);
  const strong = (chunks: React.ReactNode) => <strong className="tabular-nums">{chunks}</strong>;
  return (
    <div className="space-y-4">
      {!setupDone && !status.isDemo ? (
        <Card data-testid="getting-started">
          <CardHeader title={t("title")} description={t("description")} />
          <CardBody>
            <ol className="space-y-3">
              {steps.map((s, i) => (
                <li key={s.key} className="flex gap-3">
                  {s.done ? (
                    <CircleCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-600" />
                  ) : (
                    <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-300" />
                  )}
                  <div className="min-w-0">
                    <p className="text-sm font-medium text-slate-900">
                      {i + 1}. {t(`steps.${s.key}.title`)} {s.done ? <span className="sr-only">{t("done")}</span> : null}
                    </p>
                    <p className="text-sm text-slate-600">{t(`steps.${s.key}.detail`)}</p>
                    {!s.done && (isOwner || s.href === "/import") ? (
                      <Link href={s.href} className="mt-1 inline-block text-sm font-medium text-teal-700 hover:underline">
                        {t(`steps.${s.key}.cta`)} →
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
          {t.rich(status.unassignedOpen > 0 ? "unassigned.open" : "unassigned.noneOpen", {
            open: status.unassignedOpen,
            all: status.unassigned,
            strong,
            link: (chunks) => (
              <Link href="/orders?supplier=unassigned" className="font-medium underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      {status.isDemo && isOwner ? (
        <Card>
          <CardHeader title={t("demo.title")} description={t("demo.description")} />
          <CardBody>
            <DemoRemoveForm />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
