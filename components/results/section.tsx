// One titled dashboard section; the heading gives the section its accessible name.
export type SectionProps = { id: string; title: string; description?: string; children: React.ReactNode; actions?: React.ReactNode };

export function Section({ id, title, description, children, actions }: SectionProps) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-heading`} className="text-lg font-semibold tracking-tight">
            {title}
          </h2>
          {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {hint && <dd className="mt-0.5 text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

export const th = "px-3 py-2 font-medium";
export const td = "px-3 py-2";
export const tableClass = "w-full text-left text-sm";
export const theadClass = "border-b border-slate-200 bg-slate-50 text-slate-600";
export const rowClass = "border-b border-slate-100 last:border-0";
