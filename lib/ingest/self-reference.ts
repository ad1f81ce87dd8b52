// The leak screen's rules as regular expressions: self-references naming a model or vendor, and
// generic phrases. Each match carries the name it hinges on, so an echo of the instruction is skipped.

export type LeakMatch = { phrase: string; index: number; length: number };
export type LeakScreen = (output: string, instruction: string) => LeakMatch | null;
export type LeakScreenLists = { phrases: readonly string[]; names: readonly string[]; vendors: readonly string[] };

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const SUBJECT = "(?:i\\s+am|i['’]m|i\\s+was|i['’]ve\\s+been|i\\s+have\\s+been|as\\s+an?\\s+(?:ai|artificial\\s+intelligence|(?:ai\\s+|large\\s+)?language\\s+model|ai\\s+assistant|ai\\s+model|assistant|chatbot|model))";
const MADE = "(?:developed|created|trained|built|made|designed|fine[\\s-]?tuned|programmed|released)";
const TEAM = "(?:the\\s+)?(?:(?:team|researchers|engineers)\\s+(?:at|of|from)\\s+)?";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A name or phrase as a pattern: " ", "-" and "_" interchangeable and optional; whole word unless it ends in a digit. */
export function phrasePattern(phrase: string): string {
  const words = phrase.split(/[\s_-]+/).filter(Boolean);
  const body = words.map((word) => escapeRegExp(word).replace(/['’]/g, "['’]")).join("[\\s_-]*");
  return /\p{N}$/u.test(phrase) ? body : `${body}(?![\\p{L}\\p{N}])`;
}

/** Lower case, trimmed, at least 3 characters, each once, longest first (so "gpt-4o" wins over "gpt-4"). */
export function cleanList(items: readonly string[]): string[] {
  const cleaned = [...new Set(items.map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 3))];
  return cleaned.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

const alternation = (items: readonly string[]) => items.map(phrasePattern).join("|");

/** How a name is compared with the instruction's: "GPT 4", "gpt-4" and "GPT_4" are one. */
export const nameKey = (text: string) => text.toLowerCase().replace(/[\s_'’-]+/g, "");

/** The match as reported to the admin: lower case, one space, straight apostrophes. */
const reported = (text: string) => text.toLowerCase().replace(/\s+/g, " ").replace(/’/g, "'").trim();

function rules({ phrases, names, vendors }: LeakScreenLists): RegExp[] {
  const nameAlt = alternation(names);
  const makerAlt = alternation(cleanList([...vendors, ...names]));
  const vendorAlt = alternation(vendors);
  const out: string[] = [];
  if (names.length) {
    out.push(`${NOT_WORD_BEFORE}(?:i\\s+am|i['’]m|my\\s+name\\s+is|call\\s+me)\\s+(?:called\\s+|named\\s+)?(?<name>${nameAlt})`);
    out.push(`${NOT_WORD_BEFORE}as\\s+(?<name>${nameAlt})\\s*,\\s*i(?![\\p{L}\\p{N}])`);
  }
  if (names.length || vendors.length) {
    out.push(`${NOT_WORD_BEFORE}${SUBJECT}(?![\\p{L}\\p{N}])[^.!?\\n]{0,80}?${NOT_WORD_BEFORE}${MADE}\\s+(?:by|at)\\s+${TEAM}(?<name>${makerAlt})`);
  }
  if (vendors.length) out.push(`${NOT_WORD_BEFORE}trained\\s+by\\s+${TEAM}(?<name>${vendorAlt})`);
  if (phrases.length) out.push(`${NOT_WORD_BEFORE}(?<name>${alternation(phrases)})`);
  return out.map((source) => new RegExp(source, "giu"));
}

/**
 * Builds the screen once for a whole upload. It returns the earliest match in the output whose
 * name (or phrase) the instruction does not mention itself.
 */
export function buildLeakScreen(lists: LeakScreenLists): LeakScreen {
  const clean = { phrases: cleanList(lists.phrases), names: cleanList(lists.names), vendors: cleanList(lists.vendors) };
  const all = cleanList([...clean.phrases, ...clean.names, ...clean.vendors]);
  if (all.length === 0) return () => null;
  const mention = new RegExp(`${NOT_WORD_BEFORE}(?:${alternation(all)})`, "giu");
  const regexes = rules(clean);
  return (output, instruction) => {
    let echoes: Set<string> | null = null;
    let best: LeakMatch | null = null;
    for (const regex of regexes) {
      for (const match of output.matchAll(regex)) {
        if (best && match.index >= best.index) break;
        echoes ??= new Set([...instruction.matchAll(mention)].map((m) => nameKey(m[0])));
        if (echoes.has(nameKey(match.groups?.name ?? match[0]))) continue;
        best = { phrase: reported(match[0]), index: match.index, length: match[0].length };
        break;
      }
    }
    return best;
  };
}
