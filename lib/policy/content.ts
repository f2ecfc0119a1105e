import { listParam, reasonMessage } from "./reason";
import { instantParam, makeFlag } from "./rule-kit";
import type { PolicySettings } from "./settings";
import type { CreatorFacts, Flag, VideoFacts } from "./types";

const DAY = 86_400_000;

// Seed, from 2026-01-19 (official pages only for TH/MY): 5+ non-interactive shop videos within
// any 7 days → restricted for the next 7 days, at most 7 shop videos with product links; later
// ones show no link. LIVE and ordinary posts are not affected. Our reading of the open points:
// "within 7 days" is a rolling window (t − 7 d, t]; the quota counts videos posted after the
// triggering one; a trigger is only evaluated while no restriction is running.

export type Restriction = {
  triggeredBy: string;
  start: Date;
  end: Date;
  linked: VideoFacts[];
  dropped: VideoFacts[];
};

function isShopVideo(v: VideoFacts): boolean {
  return v.format === "SHORT_VIDEO" && v.hasProductLink;
}

/** Replays a creator's shop videos up to `now`; `counts` says which videos fall under the rule. */
export function replayRestrictions(
  videos: readonly VideoFacts[],
  now: Date,
  settings: PolicySettings,
  counts: (v: VideoFacts) => boolean = () => true,
): Restriction[] {
  const c = settings.content;
  const shop = videos
    .filter((v) => isShopVideo(v) && v.postedAt.getTime() <= now.getTime() && counts(v))
    .sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());
  const out: Restriction[] = [];
  let current: Restriction | null = null;
  for (const v of shop) {
    const t = v.postedAt.getTime();
    if (current && t < current.end.getTime()) {
      (current.linked.length < c.restrictedLinkQuota ? current.linked : current.dropped).push(v);
      continue;
    }
    current = null;
    if (!v.nonInteractive) continue;
    const inWindow = shop.filter((w) => w.nonInteractive && w.postedAt.getTime() > t - c.windowDays * DAY && w.postedAt.getTime() <= t).length;
    if (inWindow >= c.nonInteractiveLimit) {
      current = { triggeredBy: v.id, start: v.postedAt, end: new Date(t + c.restrictionDays * DAY), linked: [], dropped: [] };
      out.push(current);
    }
  }
  return out;
}

export function checkCreatorVideos(creator: CreatorFacts, now: Date, settings: PolicySettings, counts: (v: VideoFacts) => boolean = () => true): Flag[] {
  const c = settings.content;
  const n = now.getTime();
  const restrictions = replayRestrictions(creator.videos, now, settings, counts);
  const flags: Flag[] = [];
  const active = restrictions.find((r) => r.start.getTime() <= n && n < r.end.getTime());
  if (active) {
    const left = Math.max(c.restrictedLinkQuota - active.linked.length, 0);
    flags.push(
      makeFlag(
        "content.restricted",
        "warning",
        active.end,
        reasonMessage("content.restricted", {
          until: instantParam(creator.market, active.end, now),
          limit: c.nonInteractiveLimit,
          windowDays: c.windowDays,
          left,
          quota: c.restrictedLinkQuota,
        }),
        [
          { field: "triggeredBy", value: active.triggeredBy },
          { field: "linkedVideosLeft", value: left },
          { field: "restrictedUntil", value: active.end.toISOString() },
        ],
      ),
    );
  }
  for (const r of restrictions) {
    // Report dropped links for the running restriction and ones that ended in the last window.
    if (r.dropped.length === 0 || r.end.getTime() <= n - c.windowDays * DAY) continue;
    flags.push(
      makeFlag(
        "content.links_dropped",
        "warning",
        null,
        reasonMessage("content.linksDropped", {
          count: r.dropped.length,
          quota: c.restrictedLinkQuota,
          videoIds: listParam(r.dropped.map((v) => v.id)),
        }),
        r.dropped.map((v) => ({ field: "videoId", value: v.id })),
      ),
    );
  }
  if (!active) {
    const recent = creator.videos
      .filter((v) => isShopVideo(v) && v.nonInteractive && counts(v) && v.postedAt.getTime() > n - c.windowDays * DAY && v.postedAt.getTime() <= n)
      .sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());
    if (recent.length >= c.nonInteractiveLimit - 1) {
      // Safe again once enough of them age out of the window.
      const pivot = recent[recent.length - (c.nonInteractiveLimit - 1)];
      const safeAt = pivot ? new Date(pivot.postedAt.getTime() + c.windowDays * DAY) : null;
      flags.push(
        makeFlag(
          "content.near_limit",
          "warning",
          safeAt,
          safeAt
            ? reasonMessage("content.nearLimitBefore", {
                count: recent.length,
                windowDays: c.windowDays,
                safeAt: instantParam(creator.market, safeAt, now),
                restrictionDays: c.restrictionDays,
              })
            : reasonMessage("content.nearLimit", { count: recent.length, windowDays: c.windowDays, restrictionDays: c.restrictionDays }),
          [{ field: "nonInteractiveInWindow", value: recent.length }],
        ),
      );
    }
  }
  return flags;
}
