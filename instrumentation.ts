// Runs once when a server process starts: validate configuration, apply pending
// migrations, create the first admin from env vars. A failure stops the server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startup } = await import("@/lib/startup");
  await startup();
}
