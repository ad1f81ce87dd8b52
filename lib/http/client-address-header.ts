// The client's network address, for rate limits keyed by address. The app's server overwrites
// x-forwarded-for with the one address it trusts (the socket's), so its first entry is not the client's choice.
export function clientAddressFromHeaders(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
