// Zod builders for one field of an uploaded row, with messages written for admins
// ("output is empty", "output must be text, got number") instead of zod's defaults.

import { z } from "zod";

/** Name of a JSON value's type as an admin would say it. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return typeof value;
}

/** Line endings unified and outer whitespace dropped; the inside of the text is kept as is. */
export function cleanText(text: string): string {
  return (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).trim();
}

function rawText(name: string, maxChars: number) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${name} is missing` : `${name} must be text, got ${typeName(issue.input)}`,
    })
    .check((ctx) => {
      if (ctx.value.length <= maxChars) return;
      const length = ctx.value.length.toLocaleString("en-US");
      const message = `${name} is too long (${length} characters; the limit is ${maxChars.toLocaleString("en-US")})`;
      ctx.issues.push({ code: "custom", message, input: ctx.value });
    })
    .check((ctx) => {
      // A JSON "\u0000" escape decodes to a NUL character, which PostgreSQL text cannot hold.
      if (ctx.value.includes("\u0000")) ctx.issues.push({ code: "custom", message: `${name} contains a NUL character`, input: ctx.value });
    });
}

/** Required text; whitespace-only counts as empty unless `allowEmpty`. Output is cleaned. */
export function requiredText(name: string, maxChars: number, allowEmpty = false) {
  return rawText(name, maxChars)
    .check((ctx) => {
      if (!allowEmpty && ctx.value.trim() === "")
        ctx.issues.push({ code: "custom", message: `${name} is empty`, input: ctx.value });
    })
    .transform(cleanText);
}

/** Optional text: missing, null and whitespace-only all become null. */
export function optionalText(name: string, maxChars: number) {
  return rawText(name, maxChars)
    .nullish()
    .transform((value) => {
      const cleaned = value == null ? "" : cleanText(value);
      return cleaned === "" ? null : cleaned;
    });
}

/** Optional id: text or an integer (JSON files often number their rows), returned as text. */
export function optionalId(name: string, maxChars: number) {
  const idError = (issue: { input?: unknown }) =>
    `${name} must be text or a whole number, got ${typeName(issue.input)}`;
  return z
    .union([z.string(), z.number().int()], { error: idError })
    .nullish()
    .check((ctx) => {
      if (typeof ctx.value === "string" && ctx.value.length > maxChars) {
        ctx.issues.push({ code: "custom", message: `${name} is longer than ${maxChars} characters`, input: ctx.value });
      }
    })
    .transform((value) => {
      const text = value == null ? "" : String(value).trim();
      return text === "" ? null : text;
    });
}
