"use client";
// "Export": download links for every vote, de-blinded, in the four formats. A study with criteria
// chooses which one AlpacaEval and the Arena battles read their single preference from.
import { useState } from "react";
import { conversationRefusal } from "@/lib/exports/conversations";
import { ONE_CRITERION_FORMATS } from "@/lib/exports/criteria";
import type { ExportCriterion, ExportFormat } from "@/lib/exports/types";
import { Section } from "./section";

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: "csv", label: "CSV", hint: "spreadsheets; formula-like cells neutralized" },
  { format: "jsonl", label: "JSONL", hint: "every field, one vote per line" },
  { format: "alpaca_eval", label: "AlpacaEval", hint: "annotations; ties and both bad as 1.5" },
  { format: "battles", label: "Arena battles", hint: "model_a = left, winner incl. tie (bothbad)" },
];

export type ExportLinksProps = { studyId: string; criteria?: ExportCriterion[]; conversations?: boolean };

export function ExportLinks({ studyId, criteria = [], conversations = false }: ExportLinksProps) {
  const [criterion, setCriterion] = useState(criteria[0]?.key ?? "");
  const chosen = criteria.find((c) => c.key === criterion);
  const readsOne = (format: ExportFormat) => chosen !== undefined && ONE_CRITERION_FORMATS.includes(format);
  const href = (format: ExportFormat) =>
    `/api/studies/${encodeURIComponent(studyId)}/export?format=${format}${readsOne(format) ? `&criterion=${encodeURIComponent(criterion)}` : ""}`;
  return (
    <Section id="export" title="Export" description="Every vote with model names, sides, rater pseudonym, times and rationale.">
      {criteria.length > 0 && (
        <div className="mb-4 max-w-md">
          <label htmlFor="export-criterion" className="mb-1 block text-sm font-medium">Criterion for AlpacaEval and Arena battles</label>
          <select id="export-criterion" value={criterion} onChange={(e) => setCriterion(e.target.value)} aria-describedby="export-criterion-hint"
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {criteria.map((c, i) => <option key={c.key} value={c.key}>{c.label}{i === 0 ? " (primary)" : ""}</option>)}
          </select>
          <p id="export-criterion-hint" className="mt-1 text-xs text-slate-500">They hold one preference per vote; CSV and JSONL carry every criterion.</p>
        </div>
      )}
      <ul className="flex flex-wrap gap-3">
        {FORMATS.filter((f) => !conversationRefusal(f.format, conversations)).map((f) => (
          <li key={f.format}>
            <a href={href(f.format)} className="inline-flex flex-col rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50" download>
              <span className="font-medium text-brand-700">Download {f.label}</span>
              <span className="text-xs text-slate-500">{f.hint}{readsOne(f.format) ? `; criterion: ${chosen!.label}` : ""}</span>
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}
