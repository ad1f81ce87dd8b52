// Sign-in limits: failed attempts per account and per client address, on the shared attempt counter.
import "server-only";
import { attemptSucceeded, takeAttempt, type Attempt } from "@/lib/data/rate-limit";

export type SignInLimit = { maxPerAccount: number; maxPerAddress: number; windowMinutes: number };

const accountKey = (email: string) => `email:${email}`;

/**
 * Counts this sign-in as a failure before the password is checked, atomically with the limit check:
 * parallel guesses cannot all pass a limit that each saw unreached. `allowed` false: refuse unchecked.
 */
export function beginSignIn(email: string, address: string, limit: SignInLimit): Promise<Attempt> {
  return takeAttempt(
    [
      { key: accountKey(email), max: limit.maxPerAccount },
      { key: `ip:${address}`, max: limit.maxPerAddress },
    ],
    limit.windowMinutes,
  );
}

/** The password was right: this attempt does not count, and the account's earlier typos are forgiven. */
export function signInSucceeded(attempt: Attempt, email: string): Promise<void> {
  return attemptSucceeded(attempt, accountKey(email));
}
