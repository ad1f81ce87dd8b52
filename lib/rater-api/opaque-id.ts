// Ids handed to raters' browsers: random, so they reveal nothing about pairs, outputs or order.
import { randomBytes } from "node:crypto";

export function newOpaqueId(): string {
  return randomBytes(18).toString("base64url");
}
