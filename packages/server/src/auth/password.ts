/**
 * Passwords: argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane by default), PHC strings stored.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** `Algorithm.Argon2id` (an ambient const enum, so not readable under isolatedModules). */
const ARGON2ID = 2 as Algorithm;

export interface PasswordHashing {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const DEFAULT_PASSWORD_HASHING: PasswordHashing = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Cheap parameters for tests only — still argon2id. */
export const TEST_PASSWORD_HASHING: PasswordHashing = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 512;

export function hashPassword(password: string, options: PasswordHashing = DEFAULT_PASSWORD_HASHING) {
  return hash(password, { ...options, algorithm: ARGON2ID });
}

/** False for a wrong password or a malformed stored hash; never throws on user input. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
