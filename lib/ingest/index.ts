// Public surface of the upload parsing layer, for the import step and the upload form.
// Everything here is pure (no database, no Next.js); parseUpload is the entry point.

export { parseUpload } from "./parse-upload";
export type {
  ParseFailure,
  ParseOptions,
  ParseResult,
  ParseSuccess,
  OutputRecord,
  PromptRecord,
  IdentityLeak,
} from "./types";
export type { UploadFormat, UploadKind } from "./upload-format";
export { DEFAULT_LIMITS, resolveLimits, type Limits } from "./limits";
export { formatIngestError, formatIngestErrors, type IngestError } from "./ingest-error";
export { normalizeText, promptKey } from "./prompt-key";
export { sha256Hex } from "./sha256";
export { DEFAULT_LEAK_PHRASES, findIdentityLeaks } from "./identity-leaks";
export { KNOWN_MODEL_NAMES, KNOWN_VENDORS } from "./known-models";
