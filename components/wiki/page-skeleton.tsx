import { Skeleton } from '@/components/layout/skeleton';

/** What a wiki page looks like while it loads: grey bars where the title and text will be. */
export function PageSkeleton() {
  return (
    <Skeleton>
      <div className="h-4 w-40 rounded bg-slate-200" />
      <div className="h-8 w-2/3 rounded bg-slate-200" />
      <div className="space-y-2">
        {[100, 95, 90, 97, 60].map((width) => (
          <div key={width} className="h-4 rounded bg-slate-200" style={{ width: `${width}%` }} />
        ))}
      </div>
    </Skeleton>
  );
}
