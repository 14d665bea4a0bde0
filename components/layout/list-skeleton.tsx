import { Skeleton } from './skeleton';

/** What a list of people or results looks like while it loads: a heading bar and grey rows. */
export function ListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Skeleton>
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-24 rounded-lg bg-slate-200" />
      <div className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-3 px-4 py-3">
            <div className="h-10 w-10 rounded-full bg-slate-200" />
            <div className="h-4 rounded bg-slate-200" style={{ width: `${40 + ((i * 17) % 35)}%` }} />
          </div>
        ))}
      </div>
    </Skeleton>
  );
}
