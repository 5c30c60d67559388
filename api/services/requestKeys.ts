// An Idempotency-Key stands for one request: its body's fingerprint is kept with the key, and a
// repeat with another body is refused. Used for new cases, visits, matching events and their
// outcomes, and for actions on cases and consultations.
import crypto from 'node:crypto';
import type { Database } from '../../infra/database';
import type { Prisma } from '../../prisma/generated/client';
import { canonicalJson } from '../canonicalJson';
import { Problem } from '../problem';

/** The fingerprint of a request body, whatever its key order. */
export function hashOfRequest(body: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** The 422 for a key sent again with another body; `detail` says what the key was used for. */
export function keyReused(detail: string): Problem {
  return new Problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another request', detail);
}

/** A request that creates a record under an Idempotency-Key: whose key for what, and its body's fingerprint. */
export interface KeyedRequest {
  scope: string;
  requestHash: string;
}

/** The keyed request, or undefined when the caller sent no key. */
export function keyedRequest(sub: string, operation: string, key: string | undefined, body: unknown): KeyedRequest | undefined {
  return key === undefined ? undefined : { scope: `${sub}:${operation}:${key}`, requestHash: hashOfRequest(body) };
}

/** 32 hex digits naming the record a request creates: derived from its key, so a repeat names the same record; else fresh. */
export function recordDigits(k: KeyedRequest | undefined): string {
  return k ? crypto.createHash('sha256').update(k.scope).digest('hex').slice(0, 32) : crypto.randomUUID().replace(/-/g, '');
}

/** Whether the key was used before for this body; for another body it is refused, `detail` saying what it made. */
export async function keySeen(db: Database, k: KeyedRequest | undefined, detail: string): Promise<boolean> {
  if (!k) return false;
  const seen = await db.actionRequestKey.findUnique({ where: { scope: k.scope } });
  if (seen && seen.requestHash !== k.requestHash) throw keyReused(detail);
  return seen !== null;
}

/** Claims the key in the transaction that creates the record; false when a concurrent repeat claimed it first. */
export async function claimKey(tx: Prisma.TransactionClient, k: KeyedRequest | undefined): Promise<boolean> {
  return !k || (await tx.actionRequestKey.createMany({ data: [k], skipDuplicates: true })).count === 1;
}
