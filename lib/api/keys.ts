/**
 * API keys: created by a signed-in address, shown once, stored as their SHA-256. A key reads
 * `oek_` + 43 base64url characters; its first 12 characters (the prefix) name it in lists.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/client';
import { apiKeys } from '../db/schema';
import { randomToken, sha256Hex } from './hash';

export const SCOPES = ['read', 'prepare', 'submit', 'webhooks'] as const;
export type Scope = (typeof SCOPES)[number];

/** At most this many live keys per owner (what the server stores for a user is bounded). */
export const MAX_KEYS_PER_OWNER = 20;
const KEY_PATTERN = /^oek_[A-Za-z0-9_-]{43}$/;

export const createKeySchema = z.object({
  name: z.string().trim().min(1, 'Name the key').max(64, 'At most 64 characters'),
  scopes: z.array(z.enum(SCOPES)).min(1, 'Choose at least one scope').max(SCOPES.length),
});
export type CreateKeyInput = z.infer<typeof createKeySchema>;

/** What a list shows: never the key nor its hash. */
export interface KeyInfo {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The key that was authenticated: who owns it and what it may do. */
export interface ApiPrincipal {
  keyId: string;
  owner: string;
  scopes: Scope[];
}

/** Creates a key for `owner`; the returned `key` is shown once and never stored. Null when the owner has too many. */
export async function createKey(
  db: Database,
  owner: string,
  input: CreateKeyInput,
): Promise<{ key: string; info: KeyInfo } | null> {
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(eq(apiKeys.owner, owner), isNull(apiKeys.revokedAt)));
  if ((counted?.n ?? 0) >= MAX_KEYS_PER_OWNER) return null;
  const key = `oek_${randomToken(32)}`;
  const info: KeyInfo = {
    id: randomBytes(12).toString('hex'),
    name: input.name,
    prefix: key.slice(0, 12),
    scopes: [...new Set(input.scopes)],
    createdAt: new Date(),
    lastUsedAt: null,
  };
  await db.insert(apiKeys).values({ ...info, owner, hash: sha256Hex(key) });
  return { key, info };
}

/** The owner's live keys, oldest first. */
export async function listKeys(db: Database, owner: string): Promise<KeyInfo[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.owner, owner), isNull(apiKeys.revokedAt)))
    .orderBy(asc(apiKeys.createdAt));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes as Scope[],
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
  }));
}

/** Revokes one of the owner's keys; false when it is not theirs or already revoked. */
export async function revokeKey(db: Database, owner: string, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.owner, owner), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** The key a request carries: `Authorization: Bearer …` or `x-api-key`. */
export function keyFromHeaders(headers: Headers): string | null {
  const auth = headers.get('authorization');
  const bearer = auth?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? headers.get('x-api-key')?.trim() ?? null;
}

/** The live key behind a presented secret, or null; records when it was last used. */
export async function authenticateKey(db: Database, presented: string): Promise<ApiPrincipal | null> {
  if (!KEY_PATTERN.test(presented)) return null;
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.hash, sha256Hex(presented)), isNull(apiKeys.revokedAt)))
    .returning();
  return row ? { keyId: row.id, owner: row.owner, scopes: row.scopes as Scope[] } : null;
}
