// Shown while the rating page checks membership on the server.
export default function RateLoading() {
  return (
    <div className="mx-auto max-w-6xl animate-pulse space-y-4 px-4 py-8" role="status" aria-label="Loading the study">
      <div className="h-8 w-1/3 rounded bg-slate-200" />
      <div className="h-24 rounded-lg bg-slate-200" />
      <div className="grid gap-4 md:grid-cols-2">
        <div className="h-64 rounded-lg bg-slate-200" />
        <div className="h-64 rounded-lg bg-slate-200" />
      </div>
    </div>
  );
}
