// Reads one OpenAI-style `messages` list into a conversation: an optional system prompt, then user
// and assistant turns alternating, ending on the assistant's answer. Messages name the position.

import { z } from "zod";
import type { IngestError } from "./ingest-error";
import { requiredText, typeName } from "./text-fields";

export type Conversation = { system: string | null; userTurns: string[]; assistantTurns: string[] };

export type MessagesOptions = { maxFieldChars: number; allowEmptyOutputs: boolean };

type Message = { role: "system" | "user" | "assistant"; content: string };

type Problem = Omit<IngestError, "row">;

const ROLES: Readonly<Record<string, Message["role"]>> = { system: "system", developer: "system", user: "user", assistant: "assistant" };

/** Checks a `messages` value; the schemas are built once per upload. */
export function createMessagesReader(options: MessagesOptions): (value: unknown) => { ok: true; conversation: Conversation } | { ok: false; errors: Problem[] } {
  const userText = requiredText("content", options.maxFieldChars);
  const assistantText = requiredText("content", options.maxFieldChars, options.allowEmptyOutputs);
  return (value) => {
    if (value === undefined) return fail("messages", "messages is missing");
    if (!Array.isArray(value)) return fail("messages", `messages must be a list, got ${typeName(value)}`);
    if (value.length === 0) return fail("messages", "messages is empty");
    const messages: Message[] = [];
    const errors: Problem[] = [];
    value.forEach((raw: unknown, index) => {
      const read = readMessage(raw, index, (role) => (role === "assistant" ? assistantText : userText));
      if ("role" in read) messages.push(read);
      else errors.push(...read.errors);
    });
    if (errors.length > 0) return { ok: false, errors };
    return checkOrder(messages);
  };
}

function fail(field: string, message: string) {
  return { ok: false as const, errors: [{ field, message }] };
}

function readMessage(raw: unknown, index: number, schemaFor: (role: Message["role"]) => z.ZodType<string>): Message | { errors: Problem[] } {
  const at = `messages[${index}]`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { errors: [{ field: at, message: `${at} must be an object, got ${typeName(raw)}` }] };
  const { role: rawRole, content: rawContent } = raw as Record<string, unknown>;
  const role = typeof rawRole === "string" ? ROLES[rawRole.trim().toLowerCase()] : undefined;
  if (role === undefined) {
    const got = rawRole === undefined ? "no role" : typeof rawRole === "string" ? `the role "${rawRole.slice(0, 40)}"` : `a role that is ${typeName(rawRole)}`;
    return { errors: [{ field: `${at}.role`, message: `${at} has ${got}; expected system, user or assistant` }] };
  }
  const joined = joinContentParts(rawContent);
  if (typeof joined === "object") return { errors: [{ field: `${at}.content`, message: `${at} (${role}): ${joined.message}` }] };
  const parsed = schemaFor(role).safeParse(joined ?? rawContent);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((issue) => ({ field: `${at}.content`, message: `${at} (${role}): ${issue.message}` })) };
  }
  return { role, content: parsed.data };
}

// Newer chat files may give content as parts ([{type: "text", text}]); only text can be shown to raters.
function joinContentParts(content: unknown): string | undefined | { message: string } {
  if (!Array.isArray(content)) return undefined;
  const texts: string[] = [];
  for (const [index, part] of content.entries()) {
    const { type, text } = (typeof part === "object" && part !== null ? part : {}) as Record<string, unknown>;
    if (type !== "text" || typeof text !== "string") {
      return { message: `content[${index}] is ${typeof type === "string" ? `a part of type "${type}"` : typeName(part)}; only text parts can be rated` };
    }
    texts.push(text);
  }
  return texts.join("\n");
}

// Roles in order: an optional system prompt first, then user/assistant alternating, ending on the assistant.
function checkOrder(messages: Message[]): { ok: true; conversation: Conversation } | { ok: false; errors: Problem[] } {
  const system = messages[0]?.role === "system" ? messages[0].content : null;
  const start = system === null ? 0 : 1;
  const userTurns: string[] = [];
  const assistantTurns: string[] = [];
  for (let index = start; index < messages.length; index++) {
    const message = messages[index]!;
    const at = `messages[${index}]`;
    if (message.role === "system") return fail(at, `${at} is a second system message; only the first message may be the system prompt`);
    const expected = userTurns.length === assistantTurns.length ? "user" : "assistant";
    if (message.role !== expected) {
      if (index === start) return fail(at, `${at} is an assistant turn before any user turn; a conversation starts with the user`);
      return fail(at, `messages[${index - 1}] and ${at} are both ${message.role} turns; user and assistant turns must alternate`);
    }
    (message.role === "user" ? userTurns : assistantTurns).push(message.content);
  }
  if (userTurns.length === 0) return fail("messages", "the conversation has no user turn");
  if (userTurns.length !== assistantTurns.length) {
    const message = `${plural(userTurns.length, "user turn")} but ${plural(assistantTurns.length, "assistant turn")}: the conversation must end on the assistant's answer`;
    return fail("messages", message);
  }
  return { ok: true, conversation: { system, userTurns, assistantTurns } };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
