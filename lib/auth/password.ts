// Password hashing with argon2id (@node-rs/argon2: prebuilt native binding, no install script).
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the account does not exist keeps the response time
// the same either way, so timing does not tell whether an email is registered.
let dummyHash: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hash("pairwise-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
