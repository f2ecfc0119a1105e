import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatTimeLeft } from "@/lib/policy/duration";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "5 h left" / "overdue by 3 h", coloured like the risk engine: critical under 6 h, warning under 24 h. */
export function describeCountdown(deadline: Date, now: Date): { text: string; tone: BadgeTone } {
  const left = deadline.getTime() - now.getTime();
  const text = formatTimeLeft(deadline, now);
  if (left < 0) return { text, tone: "critical" };
  return { text, tone: left < 6 * HOUR ? "critical" : left < DAY ? "warning" : "neutral" };
}

export function Countdown({ deadline, now }: { deadline: Date; now: Date }) {
  const { text, tone } = describeCountdown(deadline, now);
  // The server and the browser render a few seconds apart: the minute may differ.
  return (
    <Badge tone={tone} suppressHydrationWarning data-testid="countdown">
      {text}
    </Badge>
  );
}
