import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { LanguageForm } from "@/components/account/language-form";
import { PreferencesForm } from "@/components/alerts/preferences-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { getAccountSettings } from "@/lib/data/alerts";
import { localeFor } from "@/lib/i18n/locale-for";
import { isLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const ZONES = Intl.supportedValuesOf("timeZone");

export default async function AccountPage() {
  const user = await requirePageUser();
  const [account, t, browser] = await Promise.all([getAccountSettings(user.id), getTranslations("account"), localeFor(null)]);
  const p = account.alertPreference;
  const readOnly = user.role === "SUPPLIER";
  return (
    <div className="max-w-2xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm break-words text-slate-500">
          {account.name} · {account.email}
        </p>
      </div>
      <Card>
        <CardHeader title={t("language.title")} description={t("language.description")} />
        <CardBody>
          <LanguageForm choice={isLocale(user.locale) ? user.locale : null} browser={browser} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("alerts.title")} description={t("alerts.description")} />
        <CardBody>
          {readOnly ? <p className="mb-3 text-sm text-slate-600">{t("alerts.supplierReadOnly")}</p> : null}
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
