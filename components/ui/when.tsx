import { formatRelative, formatUtc } from '@/lib/format-time';

/** A moment as "3 minutes ago", with the exact time (UTC) on hover and in the markup. */
export function When({ date, now, precision = 'seconds' }: { date: Date; now?: Date; precision?: 'minutes' | 'seconds' }) {
  const exact = formatUtc(date, precision);
  return (
    <time dateTime={new Date(date).toISOString()} title={exact} className="whitespace-nowrap">
      {formatRelative(date, now)}
    </time>
  );
}
