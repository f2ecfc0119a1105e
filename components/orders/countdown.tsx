import { Badge, type BadgeTone } from "@/components/ui/badge";
import { type TimeLeftFormatter, useTimeLeft } from "@/components/ui/time-left";
import { formatTimeLeft } from "@/lib/policy/duration";

const HOUR = 3_600_000;

/** The organisation's dispatch thresholds (settings.dispatch), sent by the server with the order. */
export type AlertHours = { dueSoonHours: number; criticalHours: number };

/**
 * "5 h left" / "overdue by 3 h", coloured like the risk engine: critical under criticalHours, warning
 * under dueSoonHours; `timeLeft` words it in the viewer's language (English without).
 */
export function describeCountdown(
  deadline: Date,
  now: Date,
  alert: AlertHours,
  timeLeft: TimeLeftFormatter = formatTimeLeft,
): { text: string; tone: BadgeTone } {
  const left = deadline.getTime() - now.getTime();
  const text = timeLeft(deadline, now);
  if (left < 0) return { text, tone: "critical" };
  return { text, tone: left < alert.criticalHours * HOUR ? "critical" : left < alert.dueSoonHours * HOUR ? "warning" : "neutral" };
}

export function Countdown({ deadline, now, alert }: { deadline: Date; now: Date; alert: AlertHours }) {
  const { text, tone } = describeCountdown(deadline, now, alert, useTimeLeft());
  // The server and the browser render a few seconds apart: the minute may differ.
  return (
    <Badge tone={tone} suppressHydrationWarning data-testid="countdown" data-tone={tone}>
      {text}
    </Badge>
  );
}
