import net from "node:net";
import { describe, expect, it } from "vitest";
import { listeningAddresses } from "./listening";

function listen(host: string): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, host, () => resolve(server));
  });
}

describe("listeningAddresses", () => {
  it("tells a loopback listener from a wildcard one", async () => {
    const loopback = await listen("127.0.0.1");
    const wildcard = await listen("0.0.0.0");
    try {
      expect(listeningAddresses((loopback.address() as net.AddressInfo).port)).toEqual(["127.0.0.1"]);
      expect(listeningAddresses((wildcard.address() as net.AddressInfo).port)).toEqual(["0.0.0.0"]);
    } finally {
      loopback.close();
      wildcard.close();
    }
  });
});
