// The app version a frozen result records: the build's (version+commit) when built, else package.json's.
import { buildVersion } from "@/lib/env";
import pkg from "@/package.json" with { type: "json" };

export function appVersion(): string {
  return buildVersion() ?? pkg.version;
}
