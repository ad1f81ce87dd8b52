import type { ImportSummary } from "@/lib/admin/types";

export type UploadSummaryProps = { summary: ImportSummary };

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value.toLocaleString("en-US")}</dd>
    </div>
  );
}

/** "3 rows of 2 turns, 1 row of 3 turns": how the file's conversations read at a glance. */
export function describeConversations(conversations: ImportSummary["conversations"]): string {
  const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
  return conversations.map((c) => `${plural(c.rows, "row")} of ${plural(c.turns, "turn")}`).join(", ");
}

export function UploadSummary({ summary }: UploadSummaryProps) {
  return (
    <section aria-labelledby="upload-summary" className="space-y-4">
      <h2 id="upload-summary" className="text-lg font-semibold">Imported</h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-6">
        <Stat label="Rows read" value={summary.rowsRead} />
        <Stat label="Prompts new" value={summary.promptsNew} />
        <Stat label="Prompts matched" value={summary.promptsMatched} />
        <Stat label="Outputs added" value={summary.outputsAdded} />
        <Stat label="Outputs replaced" value={summary.outputsReplaced} />
        <Stat label="Possible identity leaks" value={summary.leaks.length} />
      </dl>
      <p className="text-sm text-slate-700">
        {summary.models.length === 1 ? "Model" : "Models"} in this file: <strong>{summary.models.join(", ")}</strong>.{" "}
        <a className="font-medium text-brand-700 underline" href={`/admin/studies/new?models=${encodeURIComponent(summary.models.join(","))}`}>
          Create a study with {summary.models.length === 1 ? "it" : "them"}
        </a>
      </p>
      {summary.conversations.length > 0 && (
        <p className="text-sm text-slate-700">Conversations: {describeConversations(summary.conversations)}.</p>
      )}
      {summary.earlierFlagged > 0 && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {summary.earlierFlagged} answers stored earlier name a model this file brought and are now flagged too:{" "}
          <a href="#flagged" className="font-medium underline">review them below</a>.
        </p>
      )}
      {summary.missing.length > 0 && (
        <div>
          <h3 className="mb-1 text-sm font-medium">Models with outputs for these prompts</h3>
          <table className="text-sm">
            <thead><tr className="text-left text-slate-500"><th className="pr-6 font-medium">Model</th><th className="pr-6 font-medium">Has an output</th><th className="font-medium">Lacks one</th></tr></thead>
            <tbody>
              {summary.missing.map((m) => (
                <tr key={m.model}><td className="pr-6">{m.model}</td><td className="pr-6 tabular-nums">{m.present}</td><td className="tabular-nums">{m.missing}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.leaks.length > 0 && (
        <div>
          <h3 className="mb-1 text-sm font-medium">Outputs that may reveal their author</h3>
          <p className="mb-2 text-sm text-slate-600">These would break blinding; you can exclude their prompts when you create a study.</p>
          <table className="w-full text-sm">
            <thead><tr className="text-left text-slate-500"><th className="pr-4 font-medium">Row</th><th className="pr-4 font-medium">Model</th><th className="pr-4 font-medium">Phrase</th><th className="font-medium">Excerpt</th></tr></thead>
            <tbody>
              {summary.leaks.slice(0, 200).map((l) => (
                <tr key={`${l.model}-${l.row}`} className="border-t border-slate-100 align-top">
                  <td className="pr-4 tabular-nums">{l.row}{l.turn ? `, turn ${l.turn}` : ""}</td><td className="pr-4">{l.model}</td>
                  <td className="pr-4 font-medium text-amber-800">{l.phrase}</td><td className="text-slate-600">{l.excerpt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
