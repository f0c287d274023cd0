import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Random secrets (session tokens, CSRF tokens, API tokens, generated passwords) and their stored hashes.
// Tokens carry 256 random bits, so a plain SHA-256 is enough to store them; passwords use argon2id.

/** A URL-safe random secret of `bytes` random bytes. */
export function createSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The SHA-256 (hex) under which a token is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compare two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
