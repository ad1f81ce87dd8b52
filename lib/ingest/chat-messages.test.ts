import { describe, expect, it } from "vitest";
import { createMessagesReader } from "./chat-messages";

const read = createMessagesReader({ maxFieldChars: 1_000, allowEmptyOutputs: false });
const user = (content: unknown) => ({ role: "user", content });
const assistant = (content: unknown) => ({ role: "assistant", content });
const errorsOf = (value: unknown) => {
  const result = read(value);
  return result.ok ? [] : result.errors.map((e) => e.message);
};

describe("createMessagesReader", () => {
  it("splits a conversation into its system prompt, user turns and assistant turns", () => {
    const value = [{ role: "system", content: " Be brief. " }, user("Plan a trip."), assistant("Lisbon."), user("Cheaper?"), assistant("Porto.")];
    expect(read(value)).toEqual({ ok: true, conversation: { system: "Be brief.", userTurns: ["Plan a trip.", "Cheaper?"], assistantTurns: ["Lisbon.", "Porto."] } });
    expect(read([user("Hi"), assistant("Hello")])).toMatchObject({ ok: true, conversation: { system: null } });
  });

  it("reads content given as text parts, and refuses other parts", () => {
    expect(read([user([{ type: "text", text: "Look" }, { type: "text", text: "closely" }]), assistant("Ok")])).toMatchObject({ ok: true, conversation: { userTurns: ["Look\nclosely"] } });
    expect(errorsOf([user([{ type: "image_url", image_url: { url: "x" } }]), assistant("Ok")])).toEqual([
      'messages[0] (user): content[0] is a part of type "image_url"; only text parts can be rated',
    ]);
  });

  it("says how many turns each side has when the conversation does not end on the assistant", () => {
    expect(errorsOf([user("a"), assistant("b"), user("c")])).toEqual(["2 user turns but 1 assistant turn: the conversation must end on the assistant's answer"]);
    expect(errorsOf([user("a")])).toEqual(["1 user turn but 0 assistant turns: the conversation must end on the assistant's answer"]);
  });

  it("refuses roles out of order: two user turns in a row, an assistant turn first, a late system message", () => {
    expect(errorsOf([user("a"), user("b"), assistant("c")])).toEqual(["messages[0] and messages[1] are both user turns; user and assistant turns must alternate"]);
    expect(errorsOf([{ role: "system", content: "s" }, assistant("a"), user("b"), assistant("c")])).toEqual([
      "messages[1] is an assistant turn before any user turn; a conversation starts with the user",
    ]);
    expect(errorsOf([user("a"), assistant("b"), assistant("c")])).toEqual(["messages[1] and messages[2] are both assistant turns; user and assistant turns must alternate"]);
    expect(errorsOf([user("a"), { role: "system", content: "s" }, assistant("b")])).toEqual([
      "messages[1] is a second system message; only the first message may be the system prompt",
    ]);
    expect(errorsOf([{ role: "system", content: "s" }])).toEqual(["the conversation has no user turn"]);
  });

  it("refuses empty content, unknown roles and messages that are not objects, each with its place", () => {
    expect(errorsOf([user("  "), assistant(""), { role: "tool", content: "x" }, { content: "y" }, "hello"])).toEqual([
      "messages[0] (user): content is empty",
      "messages[1] (assistant): content is empty",
      'messages[2] has the role "tool"; expected system, user or assistant',
      "messages[3] has no role; expected system, user or assistant",
      "messages[4] must be an object, got string",
    ]);
    expect(errorsOf([user(3), assistant("x")])).toEqual(["messages[0] (user): content must be text, got number"]);
    expect(errorsOf(undefined)).toEqual(["messages is missing"]);
    expect(errorsOf([])).toEqual(["messages is empty"]);
  });

  it("accepts an empty assistant turn only when empty outputs are allowed, never an empty user turn", () => {
    const lenient = createMessagesReader({ maxFieldChars: 1_000, allowEmptyOutputs: true });
    expect(lenient([user("a"), assistant("")])).toMatchObject({ ok: true, conversation: { assistantTurns: [""] } });
    expect(lenient([user(""), assistant("b")])).toMatchObject({ ok: false });
  });
});
