import { Skeleton } from '@/components/layout/skeleton';

// Shown while the server reads the chart's path: its shape, without the people.
export function OrgChartSkeleton() {
  return (
    <Skeleton label="Loading the org chart" className="">
      <div className="mb-2 h-9 w-72 max-w-full rounded bg-slate-200" />
      <div className="h-[70vh] min-h-80 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
        {[0, 1, 2, 3].map((level) => (
          <div key={level} className="h-14 w-72 max-w-[80vw] rounded-lg bg-slate-200" style={{ marginLeft: `${level * 2.5}rem` }} />
        ))}
      </div>
    </Skeleton>
  );
}
