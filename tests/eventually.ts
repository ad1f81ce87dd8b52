// Polling for what the app writes in the background (stored results figures, a dropped snapshot):
// the value once read returns non-null, or null after 5 s.
export async function eventually<T>(read: () => Promise<T | null>): Promise<T | null> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}
