import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { cn } from "@/components/ui/cn";
import { bandOf, dayTicks, percentOf } from "@/lib/compliance/timeline";
import type { CreatorDetail } from "@/lib/data/compliance";
import { dateFormat, formatInstant } from "@/lib/format";
import { dateLocale } from "@/lib/i18n/intl-locale";

/**
 * The rolling 7-day window as a strip: two windows back and the restriction week ahead. Each
 * shop video is a marker (amber = non-interactive, teal = interactive, hollow = no product link
 * or not a short video, crossed = link dropped past the quota); a running or recent restriction
 * is shaded.
 */
export async function CreatorTimeline({ detail, now }: { detail: CreatorDetail; now: Date }) {
  const [t, locale] = await Promise.all([getTranslations("compliance"), getLocale()]);
  const { range, window, videos, restrictions } = detail;
  const zone = detail.creator.store.timeZone;
  const at = (instant: Date) => formatInstant(instant, zone, dateLocale(locale));
  const windowBand = bandOf(range, window.from, window.to);
  const nowAt = percentOf(range, now);
  const ticks = dayTicks(range);
  return (
    <figure aria-label={t("timeline.label")} data-testid="creator-timeline">
      <div className="relative h-28 rounded-lg border border-slate-200 bg-slate-50">
        {windowBand ? (
          <div
            className="absolute inset-y-0 border-x border-dashed border-slate-400 bg-white"
            style={{ left: `${windowBand.left}%`, width: `${windowBand.width}%` }}
            data-testid="window-band"
          >
            <span className="absolute top-1 left-1 text-[10px] font-medium tracking-wide text-slate-500 uppercase">
              {t("timeline.lastDays", { days: detail.settings.windowDays })}
            </span>
          </div>
        ) : null}
        {restrictions.map((r) => {
          const band = bandOf(range, r.start, r.end);
          return band ? (
            <div
              key={r.start.toISOString()}
              className={cn("absolute bottom-0 h-8 border-t-2", r.active ? "border-rose-500 bg-rose-100/80" : "border-rose-300 bg-rose-50/70")}
              style={{ left: `${band.left}%`, width: `${band.width}%` }}
              data-testid="restriction-band"
              title={t("timeline.restrictedTitle", { from: at(r.start), to: at(r.end) })}
            >
              <span className="absolute top-1 left-1 text-[10px] font-semibold whitespace-nowrap text-rose-800">
                {r.dropped
                  ? t("timeline.restrictedDropped", { linked: r.linked, quota: detail.settings.restrictedLinkQuota, dropped: r.dropped })
                  : t("timeline.restricted", { linked: r.linked, quota: detail.settings.restrictedLinkQuota })}
              </span>
            </div>
          ) : null;
        })}
        {ticks.map((tick) => (
          <div key={tick.toISOString()} className="absolute top-0 h-2 border-l border-slate-300" style={{ left: `${percentOf(range, tick)}%` }} aria-hidden />
        ))}
        <div className="absolute inset-y-0 border-l-2 border-slate-900" style={{ left: `${nowAt}%` }} aria-hidden>
          <span className="absolute -top-5 -translate-x-1/2 text-[10px] font-semibold text-slate-900">{t("timeline.now")}</span>
        </div>
        {videos.map((v, i) => {
          const shop = v.format === "SHORT_VIDEO" && v.hasProductLink;
          return (
            <span
              key={v.id}
              className={cn(
                "absolute size-3.5 -translate-x-1/2 rounded-full ring-2",
                !shop ? "bg-white ring-slate-400" : v.nonInteractive ? "bg-amber-500 ring-white" : "bg-teal-600 ring-white",
                v.linkDropped && "outline-2 outline-offset-1 outline-rose-600",
              )}
              style={{ left: `${percentOf(range, v.postedAt)}%`, top: `${36 + (i % 3) * 14}%` }}
              title={[
                at(v.postedAt),
                v.title,
                v.nonInteractive ? t("forms.nonInteractiveStyle", { style: t(`videoStyle.${v.style}`) }) : t(`videoStyle.${v.style}`),
                shop ? null : t("timeline.notShopVideo"),
                v.linkDropped ? t("timeline.linkDropped") : null,
              ]
                .filter((part) => part !== null)
                .join(" · ")}
              data-testid="video-marker"
              data-non-interactive={v.nonInteractive}
            />
          );
        })}
      </div>
      <div className="relative mt-1 h-4 text-[10px] text-slate-500" aria-hidden>
        {ticks
          .filter((_, i) => i % 2 === 0)
          .map((tick) => (
            <span key={tick.toISOString()} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: `${percentOf(range, tick)}%` }}>
              {dateFormat(dateLocale(locale), { day: "numeric", month: "short", timeZone: zone }).format(tick)}
            </span>
          ))}
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-full bg-teal-600" /> {t("timeline.legendInteractive")}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-full bg-amber-500" /> {t("timeline.legendNonInteractive")}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-full bg-white ring-2 ring-slate-400" /> {t("timeline.legendOther")}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-full bg-teal-600 outline-2 outline-rose-600" /> {t("timeline.linkDropped")}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 border-t-2 border-rose-500 bg-rose-100" /> {t("timeline.legendRestriction")}
        </span>
      </figcaption>
    </figure>
  );
}
