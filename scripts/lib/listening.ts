// The local addresses on which some process listens on a TCP port, read from Linux's /proc/net/tcp
// and tcp6: how the smoke test checks what `npm start` is reachable on, whatever interfaces exist.
import { readFileSync } from "node:fs";

const LISTEN = "0A";

function ipv4(hex: string): string {
  // Little-endian per 32-bit word: 0100007F is 127.0.0.1.
  return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join(".");
}

function ipv6(hex: string): string {
  const words = [0, 1, 2, 3].map((w) => hex.slice(w * 8, w * 8 + 8).match(/../g)!.reverse().join(""));
  const groups = words.join("").match(/.{4}/g)!.map((g) => parseInt(g, 16).toString(16));
  const text = groups.join(":");
  if (text === "0:0:0:0:0:ffff:7f00:1") return "::ffff:127.0.0.1";
  if (text === "0:0:0:0:0:0:0:1") return "::1";
  if (text === "0:0:0:0:0:0:0:0") return "::";
  return text;
}

export function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const [file, decode] of [["/proc/net/tcp", ipv4], ["/proc/net/tcp6", ipv6]] as const) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [address, hexPort] = local.split(":");
      if (parseInt(hexPort!, 16) === port) found.push(decode(address!));
    }
  }
  return found;
}
