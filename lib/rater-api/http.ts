// The rater API's answers: data-layer results as JSON that is never cached, errors in the API's shape.
import { apiError } from "@/lib/http/api-error";
import { isRaterError, type RaterError } from "./rater-error";

/** A data-layer answer as JSON: errors in the API's error shape, anything else with status 200. */
export function raterResponse(result: object | RaterError): Response {
  if (isRaterError(result)) return apiError(result.status, result.code, result.message);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
