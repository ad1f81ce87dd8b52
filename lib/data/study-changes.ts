// A process-local signal that a study's settings, gold answers, judge labels or raters changed in
// a way its cached figures cannot see. Data functions announce; caches (lib/results) listen.
import "server-only";

type Listener = (studyId: string | null) => void;
const listeners = new Set<Listener>();

/** Subscribe; the returned function unsubscribes. `null` means "possibly every study". */
export function onStudyChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function studyChanged(studyId: string | null): void {
  for (const listener of listeners) listener(studyId);
}
