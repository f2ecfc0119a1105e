import { cn } from "@/components/ui/cn";
import { VIDEO_STYLE_LABEL } from "@/lib/compliance/ledger";
import { bandOf, dayTicks, percentOf } from "@/lib/compliance/timeline";
import type { CreatorDetail } from "@/lib/data/compliance";
import { dateFormat, formatInstant } from "@/lib/format";

/**
 * The rolling 7-day window as a strip: two windows back and the restriction week ahead. Each
 * shop video is a marker (amber = non-interactive, teal = interactive, hollow = no product link
 * or not a short video, crossed = link dropped past the quota); a running or recent restriction
 * is shaded.
 */
export function CreatorTimeline({ detail, now }: { detail: CreatorDetail; now: Date }) {
  const { range, window, videos, restrictions } = detail;
  const zone = detail.creator.store.timeZone;
  const windowBand = bandOf(range, window.from, window.to);
  const nowAt = percentOf(range, now);
  const ticks = dayTicks(range);
  return (
    <figure aria-label="Video timeline" data-testid="creator-timeline">
      <div className="relative h-28 rounded-lg border border-slate-200 bg-slate-50">
        {windowBand ? (
          <div
            className="absolute inset-y-0 border-x border-dashed border-slate-400 bg-white"
            style={{ left: `${windowBand.left}%`, width: `${windowBand.width}%` }}
            data-testid="window-band"
          >
            <span className="absolute top-1 left-1 text-[10px] font-medium tracking-wide text-slate-500 uppercase">last {detail.settings.windowDays} days</span>
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
              title={`Restricted ${formatInstant(r.start, zone)} – ${formatInstant(r.end, zone)}`}
            >
              <span className="absolute top-1 left-1 text-[10px] font-semibold whitespace-nowrap text-rose-800">
                restricted · {r.linked}/{detail.settings.restrictedLinkQuota} linked{r.dropped ? ` · ${r.dropped} dropped` : ""}
              </span>
            </div>
          ) : null;
        })}
        {ticks.map((t) => (
          <div key={t.toISOString()} className="absolute top-0 h-2 border-l border-slate-300" style={{ left: `${percentOf(range, t)}%` }} aria-hidden />
        ))}
        <div className="absolute inset-y-0 border-l-2 border-slate-900" style={{ left: `${nowAt}%` }} aria-hidden>
          <span className="absolute -top-5 -translate-x-1/2 text-[10px] font-semibold text-slate-900">now</span>
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
              title={`${formatInstant(v.postedAt, zone)} · ${v.title} · ${VIDEO_STYLE_LABEL[v.style]}${v.nonInteractive ? " (non-interactive)" : ""}${shop ? "" : " · not a shop video"}${v.linkDropped ? " · link dropped" : ""}`}
              data-testid="video-marker"
              data-non-interactive={v.nonInteractive}
            />
          );
        })}
      </div>
      <div className="relative mt-1 h-4 text-[10px] text-slate-500" aria-hidden>
        {ticks
          .filter((_, i) => i % 2 === 0)
          .map((t) => (
            <span key={t.toISOString()} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: `${percentOf(range, t)}%` }}>
              {dateFormat("en-GB", { day: "numeric", month: "short", timeZone: zone }).format(t)}
            </span>
          ))}
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-full bg-teal-600" /> interactive shop video
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-full bg-amber-500" /> non-interactive shop video
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-full bg-white ring-2 ring-slate-400" /> LIVE, post or no product link
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-full bg-teal-600 outline-2 outline-rose-600" /> link dropped
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 border-t-2 border-rose-500 bg-rose-100" /> restriction
        </span>
      </figcaption>
    </figure>
  );
}
