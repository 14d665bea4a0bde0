// Shown while the server reads the chart's path: the page's shape, without the people.
export default function OrgChartLoading() {
  return (
    <div role="status" aria-label="Loading the org chart" className="animate-pulse">
      <div className="h-8 w-40 rounded bg-slate-200" />
      <div className="mt-2 mb-4 h-4 w-80 max-w-full rounded bg-slate-200" />
      <div className="mb-3 h-10 w-full max-w-md rounded bg-slate-200" />
      <div className="h-[70vh] min-h-80 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
        {[0, 1, 2, 3].map((level) => (
          <div key={level} className="h-14 w-72 max-w-[80vw] rounded-lg bg-slate-200" style={{ marginLeft: `${level * 2.5}rem` }} />
        ))}
      </div>
    </div>
  );
}
