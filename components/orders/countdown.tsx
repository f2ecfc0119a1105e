import { Badge, type BadgeTone } from "@/components/ui/badge";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return `${Math.max(1, Math.floor(abs / MINUTE))} min`;
  if (abs < DAY) return `${Math.floor(abs / HOUR)} h`;
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}

/** The organisation's dispatch thresholds (settings.dispatch), sent by the server with the order. */
export type AlertHours = { dueSoonHours: number; criticalHours: number };

/** "due in 5 h" / "overdue 3 h", coloured like the risk engine: critical under criticalHours, warning under dueSoonHours. */
export function describeCountdown(deadline: Date, now: Date, alert: AlertHours): { text: string; tone: BadgeTone } {
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return { text: `overdue ${span(left)}`, tone: "critical" };
  return { text: `due in ${span(left)}`, tone: left < alert.criticalHours * HOUR ? "critical" : left < alert.dueSoonHours * HOUR ? "warning" : "neutral" };
}

export function Countdown({ deadline, now, alert }: { deadline: Date; now: Date; alert: AlertHours }) {
  const { text, tone } = describeCountdown(deadline, now, alert);
  // The server and the browser render a few seconds apart: the minute may differ.
  return (
    <Badge tone={tone} suppressHydrationWarning data-testid="countdown" data-tone={tone}>
      {text}
    </Badge>
  );
}
