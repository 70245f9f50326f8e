import { createHash, randomBytes } from 'node:crypto';

/** SHA-256, hex: how keys, session tokens and request bodies are stored. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A random token of `bytes` bytes, base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
