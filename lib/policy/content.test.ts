import { describe, expect, it } from "vitest";
import { evaluateCreatorVideos } from "./index";
import type { CreatorFacts, VideoFacts } from "./types";

const H = 3_600_000;
const start = new Date("2026-02-02T18:00:00Z").getTime();
const video = (id: string, hoursAfter: number, over: Partial<VideoFacts> = {}): VideoFacts => ({
  id,
  postedAt: new Date(start + hoursAfter * H),
  format: "SHORT_VIDEO",
  hasProductLink: true,
  nonInteractive: true,
  ...over,
});
const creator = (videos: VideoFacts[]): CreatorFacts => ({ id: "c1", market: "US", videos });
const rules = (videos: VideoFacts[], nowHours: number) => evaluateCreatorVideos(creator(videos), new Date(start + nowHours * H)).map((f) => f.rule);
const four = [0, 24, 48, 72].map((h, i) => video(`n${i + 1}`, h));

describe("short-video link restriction (5 non-interactive in 7 days → 7 days, 7 linked videos)", () => {
  it("4th non-interactive video in 7 days → near limit", () => {
    expect(rules(four, 73)).toEqual(["content.near_limit"]);
    expect(rules(four.slice(0, 3), 73)).toEqual([]);
  });
  it("5th within 7 days → restricted with the quota and end date", () => {
    const flags = evaluateCreatorVideos(creator([...four, video("n5", 96)]), new Date(start + 97 * H));
    expect(flags.map((f) => f.rule)).toEqual(["content.restricted"]);
    expect(flags[0]?.dueAt?.toISOString()).toBe(new Date(start + (96 + 168) * H).toISOString());
    expect(flags[0]?.evidence).toContainEqual({ field: "linkedVideosLeft", value: 7 });
  });
  it("a 5th posted exactly 7 days after the 1st does not trigger (rolling window (t − 7 d, t])", () => {
    expect(rules([...four, video("n5", 168)], 169)).toEqual(["content.near_limit"]);
    expect(rules([...four, video("n5", 167)], 169)).toEqual(["content.restricted"]);
  });
  it("interactive videos, LIVE and posts without product links do not count", () => {
    const others = [video("i", 1, { nonInteractive: false }), video("l", 2, { format: "LIVE" }), video("p", 3, { hasProductLink: false })];
    expect(rules([...four.slice(0, 3), ...others], 10)).toEqual([]);
  });
  it("videos past the 7-video quota lose their link", () => {
    const during = Array.from({ length: 9 }, (_, i) => video(`r${i + 1}`, 100 + i, { nonInteractive: false }));
    const flags = evaluateCreatorVideos(creator([...four, video("n5", 96), ...during]), new Date(start + 120 * H));
    expect(flags.map((f) => f.rule)).toEqual(["content.restricted", "content.links_dropped"]);
    expect(flags[0]?.evidence).toContainEqual({ field: "linkedVideosLeft", value: 0 });
    expect(flags[1]?.evidence).toEqual([
      { field: "videoId", value: "r8" },
      { field: "videoId", value: "r9" },
    ]);
  });
  it("the restriction ends after 7 days", () => {
    expect(rules([...four, video("n5", 96)], 96 + 168 + 1)).toEqual([]);
  });
  it("videos before 2026-01-19 do not count, not even for an upcoming warning", () => {
    const jan = new Date("2026-01-16T18:00:00Z").getTime();
    const vids = [0, 10, 20, 30].map((h, i) => ({ ...video(`j${i}`, 0), postedAt: new Date(jan + h * H) }));
    // Now 2026-01-19 in LA: rule in force, but all four videos predate it.
    expect(evaluateCreatorVideos(creator(vids), new Date("2026-01-19T20:00:00Z"))).toEqual([]);
    // The day before: the rule is upcoming, but these videos will never count under it.
    expect(evaluateCreatorVideos(creator(vids), new Date("2026-01-18T20:00:00Z"))).toEqual([]);
  });
});
