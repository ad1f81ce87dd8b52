// One titled dashboard section; the heading gives the section its accessible name.
export type SectionProps = { id: string; title: string; description?: string; children: React.ReactNode; actions?: React.ReactNode };

export function Section({ id, title, description, children, actions }: SectionProps) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
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

// Tables that become stacked cards below the `sm` breakpoint (phones): the header row is kept for
// screen readers only and every cell shows its column's name from its data-label attribute.
export const stackTable = `${tableClass} max-sm:block`;
export const stackHead = `${theadClass} max-sm:sr-only`;
export const stackBody = "max-sm:block max-sm:space-y-2";
export const stackRow = `${rowClass} max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:rounded-md max-sm:border max-sm:border-slate-200 max-sm:p-2 max-sm:last:border`;
// On phones each cell is "label value" on one line (wrapping when long), so a card stays a few lines tall.
export const stackCell =
  `${td} max-sm:flex max-sm:min-w-0 max-sm:flex-wrap max-sm:items-baseline max-sm:gap-x-1.5 max-sm:px-1 max-sm:py-0.5 max-sm:text-left max-sm:break-words ` +
  "max-sm:before:text-xs max-sm:before:font-normal max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]";
/** A cell that spans the card's width on phones (names, warnings, buttons). */
export const stackWide = `${stackCell} max-sm:col-span-2`;
