import type { Digest } from "@/lib/data/digest";
import { ruleTitle } from "@/lib/policy";
import { formatCount, formatInstant } from "./format";

// The digest as plain text: what an ops lead pastes into an e-mail or a chat in the morning.
// Instants in each store's zone with the zone named, as on screen.

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function digestText(digest: Digest, queueUrl: string): string {
  const { totals } = digest;
  const lines = [
    `Daily digest: ${digest.organization}, ${formatInstant(digest.generatedAt, "UTC")}`,
    "",
    totals.open === 0
      ? "Nothing is open. No flag needs action."
      : `${plural(totals.open, "open flag")}: ${formatCount(totals.overdue)} overdue, ${formatCount(totals.dueSoon)} due in the next ${formatCount(digest.dueSoonHours)} hours, ${formatCount(totals.critical)} critical.`,
  ];
  if (digest.missedReturns.count > 0) {
    lines.push(
      `Missed: ${plural(digest.missedReturns.count, "return request")} auto-approved by the platform in the last ${digest.missedReturns.days} days (not answered in time).`,
    );
  }
  if (digest.urgent.length > 0) {
    lines.push("", "Most urgent");
    for (const item of digest.urgent) {
      const title = ruleTitle(item.rule);
      const due = item.dueAt ? `${item.overdue ? "overdue since" : "due"} ${formatInstant(item.dueAt, item.store?.timeZone ?? "UTC")}` : "no deadline";
      const where = [item.store?.name, item.order?.externalId].filter(Boolean).join(" · ");
      lines.push(`- [${item.severity}] ${title}${where ? ` · ${where}` : ""} · ${due}`, `  ${item.reason}`);
    }
    if (totals.open > digest.urgent.length) lines.push(`- … and ${formatCount(totals.open - digest.urgent.length)} more in the queue`);
  }
  const busy = digest.rules.filter((r) => r.count > 0);
  if (busy.length > 0) {
    lines.push("", "By rule");
    for (const r of busy) lines.push(`- ${r.title}: ${formatCount(r.count)} (${formatCount(r.overdue)} overdue, ${formatCount(r.critical)} critical)`);
  }
  const stores = digest.stores.filter((s) => s.open > 0);
  if (stores.length > 0) {
    lines.push("", "By store");
    for (const s of stores)
      lines.push(
        `- ${s.name}: ${plural(s.open, "open flag")} (${formatCount(s.critical)} critical${s.missedReturns ? `, ${formatCount(s.missedReturns)} missed returns` : ""})`,
      );
  }
  lines.push("", `Open the queue: ${queueUrl}`);
  return `${lines.join("\n")}\n`;
}
