// "Export": download links for every vote, de-blinded, in the four formats.
import { Section } from "./section";

const FORMATS = [
  { format: "csv", label: "CSV", hint: "spreadsheets; formula-like cells neutralized" },
  { format: "jsonl", label: "JSONL", hint: "every field, one vote per line" },
  { format: "alpaca_eval", label: "AlpacaEval", hint: "annotations; ties and both bad as 1.5" },
  { format: "battles", label: "Arena battles", hint: "model_a = left, winner incl. tie (bothbad)" },
] as const;

export function ExportLinks({ studyId }: { studyId: string }) {
  return (
    <Section id="export" title="Export" description="Every vote with model names, sides, rater pseudonym, times and rationale.">
      <ul className="flex flex-wrap gap-3">
        {FORMATS.map((f) => (
          <li key={f.format}>
            <a
              href={`/api/studies/${encodeURIComponent(studyId)}/export?format=${f.format}`}
              className="inline-flex flex-col rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50"
              download
            >
              <span className="font-medium text-brand-700">Download {f.label}</span>
              <span className="text-xs text-slate-500">{f.hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}
