// Named pass/fail checks for the script-driven tests (smoke, fault, multi-instance): each prints a
// line, and the run ends with "<name>: N passed, M failed", a closing line CI can read.
export type Check = { name: string; ok: boolean; detail?: string };

export class Checks {
  private readonly list: Check[] = [];

  check(name: string, ok: boolean, detail?: string): void {
    this.list.push({ name, ok, detail });
    console.log(`${ok ? "✓" : "✗"} ${name}${detail ? ` — ${detail}` : ""}`);
  }

  /** Prints the closing line; the exit code to use. */
  finish(suite: string): number {
    const failed = this.list.filter((c) => !c.ok).length;
    console.log(`\n${suite}: ${this.list.length - failed} passed, ${failed} failed`);
    return failed ? 1 : 0;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
