import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { LinkPage } from "@/components/alerts/link-page";
import { tokenFromPath, verifyLink } from "@/lib/alerts/link-tokens";
import { describeAlertItem } from "@/lib/data/alerts";
import { getEnv } from "@/lib/env";
import { formatInstant } from "@/lib/format";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("links.ack");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

// Opening the link changes nothing (mail scanners open links): the button posts the acknowledgement.
export default async function AcknowledgePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const [t, locale] = await Promise.all([getTranslations("links"), getLocale()]);
  const check = verifyLink(getEnv().NEXTAUTH_SECRET, tokenFromPath(token), "ack", new Date());
  if (!check.ok) return <LinkPage testId={`ack-${check.problem}`} title={t("cannotUse")} body={t(`problems.${check.problem}`)} />;
  const item = await describeAlertItem(check.claims.o, check.claims.i);
  if (item.acknowledgedAt) {
    return (
      <LinkPage
        testId="ack-done"
        title={done ? t("ack.done") : t("ack.already")}
        body={
          <>
            <p>{item.subject ?? t("ack.thisItem")}</p>
            <p className="mt-2">{t("ack.acknowledgedAt", { date: formatInstant(item.acknowledgedAt, "UTC", locale === "en" ? undefined : locale) })}</p>
          </>
        }
      />
    );
  }
  return (
    <LinkPage
      testId="ack-confirm"
      title={t("ack.confirmTitle")}
      body={
        <>
          <p className="font-medium text-slate-800">{item.subject ?? t("ack.anItem")}</p>
          <p className="mt-2">{t("ack.explain")}</p>
        </>
      }
      form={{ action: "/api/alerts/ack", token: tokenFromPath(token), label: t("ack.button") }}
    />
  );
}
