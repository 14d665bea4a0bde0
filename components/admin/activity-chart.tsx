'use client';

import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { ActivityBucket } from '@/lib/admin/provisioning-activity';

// One bar chart of the provisioning log's counts, drawn with visx as plain SVG:
// rendered on the server, so it shows before any script runs and needs neither
// inline script nor eval under the strict CSP. Each bar stacks the series
// given; hovering a bar shows its figures (an SVG title), and the chart's name
// says the totals for screen readers.

export interface ChartSeries {
  key: 'succeeded' | 'failures' | 'created' | 'updated' | 'deactivated' | 'deleted';
  label: string;
  /** A Tailwind fill class. */
  fill: string;
}

// About the size it is drawn at beside its neighbour on a wide screen, so that its labels read at 11 px.
const WIDTH = 480;
const HEIGHT = 150;
const MARGIN = { top: 8, right: 8, bottom: 22, left: 40 };

/** A bucket's figure for a series, so that stacked series add up: an update that deactivated someone counts once, as a deactivation; requests that did not fail are the ones that succeeded. */
function figure(bucket: ActivityBucket, key: ChartSeries['key']): number {
  if (key === 'updated') return bucket.updated - bucket.deactivated;
  if (key === 'succeeded') return bucket.requests - bucket.failures;
  return bucket[key];
}

const dayLabel = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const bucketLabel = (date: Date, size: 'hour' | 'day') =>
  size === 'day' ? dayLabel(date) : `${dayLabel(date)} ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })}`;

export function ActivityChart({ title, buckets, size, series }: { title: string; buckets: ActivityBucket[]; size: 'hour' | 'day'; series: ChartSeries[] }) {
  const totals = series.map((s) => ({ ...s, total: buckets.reduce((sum, b) => sum + figure(b, s.key), 0) }));
  const highest = Math.max(1, ...buckets.map((b) => series.reduce((sum, s) => sum + figure(b, s.key), 0)));
  const x = scaleBand<number>({ domain: buckets.map((b) => b.start.getTime()), range: [0, WIDTH - MARGIN.left - MARGIN.right], padding: 0.15 });
  const y = scaleLinear<number>({ domain: [0, highest], range: [HEIGHT - MARGIN.top - MARGIN.bottom, 0], nice: true });
  // A tick each day on the hourly chart, each fortnight on the daily one.
  const every = size === 'hour' ? 24 : 14;
  const ticks = buckets.filter((_, i) => i % every === 0).map((b) => b.start.getTime());
  const summary = `${title}: ${totals.map((t) => `${t.total} ${t.label.toLowerCase()}`).join(', ')}`;
  return (
    <figure className="min-w-0">
      <figcaption className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
        <span className="font-medium">{title}</span>
        {totals.map((t) => (
          <span key={t.key} className="inline-flex items-center gap-1 text-slate-600">
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" className={t.fill} />
            </svg>
            {t.label} {t.total.toLocaleString('en')}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="mt-1 h-auto w-full text-slate-500">
        <Group left={MARGIN.left} top={MARGIN.top}>
          {buckets.map((bucket) => {
            let base = 0;
            const at = x(bucket.start.getTime()) ?? 0;
            return (
              <g key={bucket.start.getTime()}>
                <title>{`${bucketLabel(bucket.start, size)} (UTC): ${series.map((s) => `${figure(bucket, s.key)} ${s.label.toLowerCase()}`).join(', ')}`}</title>
                {/* The whole column answers the hover, not only its bars. */}
                <rect x={at} y={0} width={x.bandwidth()} height={y(0)} fill="transparent" />
                {series.map((s) => {
                  const value = figure(bucket, s.key);
                  if (value === 0) return null;
                  const top = y(base + value);
                  const bar = <Bar key={s.key} x={at} y={top} width={x.bandwidth()} height={y(base) - top} className={s.fill} />;
                  base += value;
                  return bar;
                })}
              </g>
            );
          })}
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(v) => Number(v).toLocaleString('en')}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ fill: 'currentColor', fontSize: 11 }}
          />
          <AxisBottom
            top={y(0)}
            scale={x}
            tickValues={ticks}
            tickFormat={(v) => dayLabel(new Date(v))}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ fill: 'currentColor', fontSize: 11 }}
          />
        </Group>
      </svg>
    </figure>
  );
}
