// Joins labels as an English list, for sentences the UI writes: "a", "a and b", "a, b and c".
export function listed(labels: readonly string[]): string {
  return labels.length < 2 ? labels.join("") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
