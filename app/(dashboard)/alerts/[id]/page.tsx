import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { getAccountSettings, getDeliveryMessage } from "@/lib/data/alerts";
import { scopeOf } from "@/lib/data/scope";
import { formatInstant } from "@/lib/format";
import { dateLocale } from "@/lib/i18n/intl-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts.message");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** One alert e-mail as it was rendered (stored or sent), in a sandboxed frame: no scripts, no same-origin access. */
export default async function AlertMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const message = ID.test(id) ? await getDeliveryMessage({ ...scopeOf(user), userId: user.id }, id) : null;
  if (!message?.html) notFound();
  const [{ timeZone }, t, ts, locale] = await Promise.all([
    getAccountSettings(user.id),
    getTranslations("alerts.message"),
    getTranslations("alerts.status"),
    getLocale(),
  ]);
  const state =
    message.status === "STORED"
      ? t("storedNotSent")
      : message.sentAt
        ? t("sentAt", { at: formatInstant(message.sentAt, timeZone, dateLocale(locale)) })
        : ts(message.status);
  return (
    <div className="space-y-4">
      <Link href="/alerts" className="text-sm text-teal-700 hover:underline">
        {t("back")}
      </Link>
      <Card>
        <CardHeader title={message.subject} description={t("to", { to: message.to, state })} />
        <CardBody className="p-0">
          <iframe title={t("frame")} srcDoc={message.html} sandbox="" className="h-[32rem] w-full rounded-b-xl" data-testid="email-frame" />
        </CardBody>
      </Card>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">{t("plainText")}</summary>
        <pre className="mt-2 rounded-lg bg-slate-50 p-3 text-xs break-words whitespace-pre-wrap text-slate-700">{message.text}</pre>
      </details>
    </div>
  );
}
