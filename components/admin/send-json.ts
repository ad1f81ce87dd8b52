// An admin control's JSON request: null when it went through, else the server's message (or why it could not be sent).
export async function sendJson(url: string, method: "POST" | "PUT", body: unknown): Promise<string | null> {
  try {
    const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (res.ok) return null;
    return (((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? "Failed.");
  } catch {
    return "Could not reach the server; nothing changed.";
  }
}
