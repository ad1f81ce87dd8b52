// What every API request must satisfy before its handler runs (applied by route() in ./route.ts):
// text PostgreSQL can store in its URL, and for a state-changing request, proof that the browser
// page sending it is this app's own (CSRF) and a body type a cross-site HTML form cannot produce.
import { apiError } from "./api-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The body types a route takes. An HTML form can send text/plain, application/x-www-form-urlencoded
 * and multipart/form-data without a preflight: JSON routes take JSON only; the file routes take
 * multipart too (the origin check is what guards those).
 */
export type BodyTypes = readonly ("application/json" | "multipart/form-data")[];
export const JSON_ONLY: BodyTypes = ["application/json"];

/** True when the text holds a character PostgreSQL's text type refuses (NUL). */
export function hasUnstorableText(text: string): boolean {
  return text.includes("\u0000");
}

/** 400 when the path or query, decoded, is not text the app can store or compare. */
export function invalidUrlRefusal(url: URL): Response | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname) + [...url.searchParams].flat().join("");
  } catch {
    return apiError(400, "invalid_text", "The address holds an invalid percent-encoded sequence.");
  }
  return hasUnstorableText(decoded) ? apiError(400, "invalid_text", "The address holds a NUL character, which is not valid text here.") : null;
}

function sameOriginAsHost(origin: string, headers: Headers, appUrl: () => string | undefined): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (host === headers.get("host")) return true;
  try {
    const url = appUrl();
    return url !== undefined && host === new URL(url).host;
  } catch {
    return false;
  }
}

/**
 * 403 for a state-changing request that may come from another site's page; 415 for a body a
 * cross-site form could have sent. A Bearer token is not sent by browsers on their own, so requests
 * carrying one need no origin proof. `appUrl` gives NEXTAUTH_URL, the app's public address (behind a proxy that rewrites Host).
 */
export function crossSiteRefusal(request: Request, appUrl: () => string | undefined, accepts: BodyTypes = JSON_ONLY): Response | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const headers = request.headers;
  if (!/^bearer\s/i.test(headers.get("authorization") ?? "")) {
    const fetchSite = headers.get("sec-fetch-site");
    const origin = headers.get("origin");
    const sameOrigin = fetchSite ? fetchSite === "same-origin" : origin !== null && sameOriginAsHost(origin, headers, appUrl);
    if (!sameOrigin) {
      return apiError(403, "cross_origin", "This request did not come from this app's own pages (Origin/Sec-Fetch-Site). Scripts use an API token.");
    }
  }
  const hasBody = Number(headers.get("content-length") ?? 0) > 0 || headers.has("transfer-encoding");
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (hasBody && !(accepts as readonly string[]).includes(type)) {
    return apiError(415, "unsupported_media_type", `Send the body as ${accepts.join(" or ")}.`);
  }
  return null;
}
