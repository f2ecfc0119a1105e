import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { LinkPage } from "@/components/alerts/link-page";
import { tokenFromPath, verifyLink } from "@/lib/alerts/link-tokens";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("links.unsubscribe");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const t = await getTranslations("links");
  const raw = tokenFromPath(token);
  const check = verifyLink(getEnv().NEXTAUTH_SECRET, raw, "unsubscribe", new Date());
  if (!check.ok) return <LinkPage testId={`unsubscribe-${check.problem}`} title={t("cannotUse")} body={t(`problems.${check.problem}`)} />;
  if (done) return <LinkPage testId="unsubscribe-done" title={t("unsubscribe.doneTitle")} body={t("unsubscribe.doneBody")} />;
  return (
    <LinkPage
      testId="unsubscribe-confirm"
      title={t("unsubscribe.confirmTitle")}
      body={t("unsubscribe.confirmBody")}
      form={{ action: "/api/alerts/unsubscribe", token: raw, label: t("unsubscribe.button") }}
    />
  );
}
