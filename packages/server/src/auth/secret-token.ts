/**
 * Bearer secrets (API tokens, invitation and sign-in links, sessions): random, shown once, stored as a
 * SHA-256 hash. API tokens carry a short public prefix so the row is found without the secret.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters, 256 bits. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Constant-time comparison of two strings (different lengths compare unequal). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const API_TOKEN_PREFIX = 'tdm_';

/** `tdm_<8 id chars>_<secret>`; the id part is the lookup prefix, the whole token is hashed. */
export interface NewApiToken {
  token: string;
  /** `tdm_<id>`: stored in clear, shown in lists, used to find the row. */
  prefix: string;
  hash: string;
}

export function newApiToken(): NewApiToken {
  const id = randomBytes(6).toString('base64url');
  const prefix = `${API_TOKEN_PREFIX}${id}`;
  const token = `${prefix}_${randomSecret()}`;
  return { token, prefix, hash: sha256(token) };
}

/** The lookup prefix of a presented token, or undefined when it is not shaped like one of ours. */
export function apiTokenPrefix(token: string): string | undefined {
  const match = /^(tdm_[A-Za-z0-9_-]{8})_[A-Za-z0-9_-]{43}$/.exec(token);
  return match?.[1];
}
