// Whether and why a study stopped serving pairs, or its anytime-valid intervals' state while it runs, and
// what that means for the fixed-sample and vote-level figures (issue 22). Shown only for studies with
// adaptive votes or a stopping rule: an ordinary study's pages read as before.
import type { SequentialJson } from "@/lib/results/types";

export function StoppingNote({ sequential: s }: { sequential: SequentialJson }) {
  return (
    <div role="status" aria-label="Stopping rule" className={`space-y-1 rounded-md border px-3 py-2 text-sm ${s.stop ? "border-sky-300 bg-sky-50 text-sky-950" : "border-slate-200 bg-slate-50 text-slate-800"}`}>
      {s.stop ? <p className="font-semibold">{s.state}</p> : <p><strong className="font-semibold">Stopping rule.</strong> {s.state}</p>}
      {s.fixedSampleNote && <p>{s.fixedSampleNote}</p>}
      {s.voteLevelNote && <p>{s.voteLevelNote}</p>}
      {s.samplingNote && <p>{s.samplingNote}</p>}
    </div>
  );
}
