import { Section } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { HOURLY_COUNTS_DAYS, RAW_LOG_DAYS } from '@/lib/admin/log-retention';
import type { ActivityResource, ProvisioningActivity } from '@/lib/admin/provisioning-activity';
import { ActivityChart, type ChartSeries } from './activity-chart';

// The Provisioning page's charts: for users and for groups, the changes Entra
// made and the requests it sent with their failures, per hour over 7 days or
// per day over 90 (a link each, so the choice is in the address).

const CHANGES: ChartSeries[] = [
  { key: 'created', label: 'Created', fill: 'fill-emerald-600' },
  { key: 'updated', label: 'Updated', fill: 'fill-sky-600' },
  { key: 'deactivated', label: 'Deactivated', fill: 'fill-amber-500' },
  { key: 'deleted', label: 'Deleted', fill: 'fill-slate-500' },
];
// Stacked, so that the bar is every request.
const REQUESTS: ChartSeries[] = [
  { key: 'succeeded', label: 'Succeeded', fill: 'fill-indigo-300' },
  { key: 'failures', label: 'Failed', fill: 'fill-red-600' },
];

const RESOURCES: { resource: ActivityResource; label: string }[] = [
  { resource: 'User', label: 'Users' },
  { resource: 'Group', label: 'Groups' },
];

const RANGES = [
  { range: '7d', label: 'Last 7 days, by hour' },
  { range: '90d', label: 'Last 90 days, by day' },
] as const;

export function ActivityPanel({ activity, query }: { activity: ProvisioningActivity; query: Record<string, string> }) {
  return (
    <Section title="Activity" framed={false}>
      <nav aria-label="Chart range" className="mt-2 flex flex-wrap gap-3 text-sm">
        {RANGES.map(({ range, label }) =>
          range === activity.range ? (
            <span key={range} aria-current="page" className="font-semibold">
              {label}
            </span>
          ) : (
            <Link key={range} href={`?${new URLSearchParams({ ...query, range })}`}>
              {label}
            </Link>
          ),
        )}
      </nav>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        {RESOURCES.map(({ resource, label }) => {
          const buckets = activity.series[resource];
          return (
            <div key={resource} className="space-y-4">
              <ActivityChart title={`${label}: changes`} buckets={buckets} size={activity.size} series={CHANGES} />
              <ActivityChart title={`${label}: requests`} buckets={buckets} size={activity.size} series={REQUESTS} />
            </div>
          );
        })}
      </div>
      <p className="mt-2 text-xs text-slate-600">
        Times in UTC. The log below keeps each request {RAW_LOG_DAYS} days; these counts are kept {HOURLY_COUNTS_DAYS} days.
      </p>
    </Section>
  );
}
