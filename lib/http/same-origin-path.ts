// Where the app may send a browser after sign-in: a path of this app only. Parsed as a URL the way
// a browser will (which reads "/\evil.example" as "//evil.example"), never matched by prefix.
const BASE = "http://pairwise.invalid";

export function sameOriginPath(raw: string | undefined | null, fallback = "/"): string {
  if (!raw || !raw.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
