// Names shown in tables and exports (models, studies, tokens) must not carry invisible characters
// that change how they read: control characters, or direction overrides ("\u202E" makes "gpj.exe" read "exe.jpg").
export const UNSAFE_NAME_CHARS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function unsafeNameMessage(label: string): string {
  return `${label} must not contain control or text-direction characters`;
}
