// The audit trail's one writer: who changed, read or exported which firm data. A change's row is
// written in the change's own transaction (pass the transaction client), a read's before the read
// is answered; a row that cannot be written fails the caller, so nothing happens unaudited.
import { Prisma } from '../prisma/generated/client';
import type { Database } from './database';
import { runOnPool, type Statements } from './sql';

/** The database, or the transaction of the change the entry records (Prisma's or inTransaction's: both run a statement). */
export type AuditDb = Pick<Statements, '$executeRaw'>;

export interface AuditRecord {
  /** Who: the principal's `sub`. */
  actor: string;
  /** What, in upper snake case: `CASE_READ`, `TASK_COMPLETED`, `CALENDAR_YEAR_LOADED`, `WORKFLOW_DECODED`. */
  action: string;
  /** Which object, `<kind>:<id>`: `case:GL-2026-000123`, `consultation:JC-…`, `calendar:2027`, `workflow:case-GL-…`. */
  subject: string;
  /** The object before the change, when the writer knows it. */
  before?: unknown;
  /** The change, or what the read asked for (role, query, request id). */
  after?: unknown;
  /** For a writer that may run again (a retried or rebuilt projection): a second row with the key is not written. */
  key?: string;
}

/**
 * Writes one audit row with `db`; throws when it cannot (no row is ever dropped silently). A row
 * whose `key` is written already is skipped. Written out as one statement because every request
 * writes a row: Prisma's client compiles a `createMany` anew at each call (BENCHMARKS.md).
 */
export async function writeAudit(db: AuditDb, entry: AuditRecord): Promise<void> {
  await db.$executeRaw(auditInsert(entry));
}

/** A read's row, outside any transaction: on the pool, as the hottest reads run (infra/sql.ts). */
export async function writeReadAudit(db: Pick<Database, 'pool'>, entry: AuditRecord): Promise<void> {
  await runOnPool(db, auditInsert(entry));
}

const auditInsert = (entry: AuditRecord) => Prisma.sql`
  INSERT INTO audit_entry (actor, action, subject, before, after, key)
  VALUES (${entry.actor}, ${entry.action}, ${entry.subject}, ${jsonOf(entry.before)}::jsonb, ${jsonOf(entry.after)}::jsonb, ${entry.key ?? null})
  ON CONFLICT DO NOTHING`;

const jsonOf = (value: unknown) => (value === undefined ? null : JSON.stringify(scrub(value)));

const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|api[-_]?key|credential|cookie/i;

/** A copy safe to keep: secret-looking keys are masked, and NUL (refused by jsonb) is dropped. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(/\u0000/g, '');
  if (value === null || typeof value !== 'object') return value;
  if (depth > 20) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.replace(/\u0000/g, ''), SECRET_KEY.test(k) ? '[redacted]' : scrub(v, depth + 1)]),
  );
}
