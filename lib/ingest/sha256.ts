// SHA-256 as lowercase hex: fingerprints an upload (to spot re-uploads of the same file)
// and gives the DB layer a fixed-size, indexable stand-in for long prompt keys.

import { createHash } from "node:crypto";

export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}
