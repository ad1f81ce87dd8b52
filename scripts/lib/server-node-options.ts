// Node options of every `next start` this project launches (npm start, e2e, bench, multi-instance).
// V8 sizes its heap from the machine's memory and collects lazily: a 52,000-row upload peaked at
// 670 MB RSS with about 300 MB live. A fixed old-space cap makes it collect sooner (510 MB peak, same
// speed) and bounds the server on shared hosts. PAIRWISE_HEAP_MB changes it; a --max-old-space-size
// already in NODE_OPTIONS wins.
export const SERVER_HEAP_MB = Number(process.env.PAIRWISE_HEAP_MB ?? 512);

export function serverNodeOptions(current = process.env.NODE_OPTIONS ?? ""): string {
  if (/--max-old-space-size/.test(current)) return current;
  return `${current} --max-old-space-size=${SERVER_HEAP_MB}`.trim();
}
