import type { Metadata } from "next";
import { PreferencesForm } from "@/components/alerts/preferences-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { getAccountSettings } from "@/lib/data/alerts";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

const ZONES = Intl.supportedValuesOf("timeZone");

export default async function AccountPage() {
  const user = await requirePageUser();
  const account = await getAccountSettings(user.id);
  const p = account.alertPreference;
  const readOnly = user.role === "SUPPLIER";
  return (
    <div className="max-w-2xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Account</h1>
        <p className="text-sm text-slate-500">
          {account.name} · {account.email}
        </p>
      </div>
      <Card>
        <CardHeader title="Alerts" description="How and when alerts reach you" />
        <CardBody>
          {readOnly ? (
            <p className="mb-3 text-sm text-slate-600">
              Supplier accounts are read-only: the seller chooses your alerts (your own orders&apos; dispatch deadlines). Ask them to change these.
            </p>
          ) : null}
          <PreferencesForm
            readOnly={readOnly}
            zones={ZONES}
            values={{
              timeZone: account.timeZone,
              email: p?.email ?? true,
              quietStart: p?.quietStart ?? "",
              quietEnd: p?.quietEnd ?? "",
              criticalBreaksQuiet: p?.criticalBreaksQuiet ?? false,
              digestTime: p?.digestTime ?? "",
              digestSubscribed: !p?.digestUnsubscribedAt,
            }}
          />
        </CardBody>
      </Card>
    </div>
  );
}
