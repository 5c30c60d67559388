// Queries and updates need a worker to answer, and without one they wait for ever. The API bounds
// them: a read falls back to the record (`live: false`), a write answers 503 with Retry-After, so
// a crashed or redeploying worker never leaves a request hanging. Temporal itself unreachable or
// shedding load is the same to the caller: reads fall back on any failure, writes answer that 503.
import { ServiceError, WorkflowNotFoundError, isGrpcServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Database } from '../../infra/database';
import { Problem } from '../problem';
import type { Caller } from './caller';
import { hashOfRequest, keyReused } from './requestKeys';

/** How long a read waits for a workflow before the record answers. */
export const READ_DEADLINE_MS = 5_000;
/**
 * How long a write waits: after a worker crash its workflow task and an activity it had taken
 * are each retried within 10 s (workflows/activityOptions.ts), so recovery fits with room to spare.
 */
export const WRITE_DEADLINE_MS = 45_000;
const RETRY_AFTER_S = 10;
/** gRPC statuses of a Temporal call that a later retry can get past (the SDK has retried them already). */
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;

/** `call` (one or more Temporal calls) bounded by `ms`. */
function within<R>(client: Client, ms: number, call: () => Promise<R>): Promise<R> {
  return client.withDeadline(Date.now() + ms, call);
}

/**
 * A query's answer, or undefined when the record should answer instead: the workflow is gone
 * (closed past retention: expected) or did not answer in time (no worker, Temporal down: logged).
 */
export async function askOrUndefined<R>(client: Client, log: Caller['log'], what: string, query: () => Promise<R>): Promise<R | undefined> {
  try {
    return await within(client, READ_DEADLINE_MS, query);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) log?.warn({ err, workflow: what }, 'the workflow did not answer; the record answers');
    return undefined;
  }
}

/** The gRPC status of a failed Temporal call, whether the client wrapped it in its ServiceError or not. */
function grpcCode(err: unknown): number | undefined {
  if (isGrpcServiceError(err)) return err.code;
  return err instanceof ServiceError && isGrpcServiceError(err.cause) ? err.cause.code : undefined;
}

/**
 * Why a bounded write got no answer, when a retry may get one: it ran out of time (no worker, say),
 * or Temporal could not be reached or shed the load (UNAVAILABLE, RESOURCE_EXHAUSTED); undefined
 * for any other failure.
 */
function unanswered(err: unknown): 'late' | 'unreachable' | undefined {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'late';
  const code = grpcCode(err);
  if (code === GRPC_DEADLINE_EXCEEDED) return 'late';
  return code === GRPC_UNAVAILABLE || code === GRPC_RESOURCE_EXHAUSTED ? 'unreachable' : undefined;
}

/** The 503 for a write whose workflow gave no answer; `next` tells the caller how to go on, Chinese first. */
function notAnswering(why: 'late' | 'unreachable', subject: { zh: string; en: string }, next: { zh: string; en: string }): Problem {
  const s = WRITE_DEADLINE_MS / 1000;
  const [title, zh, en] =
    why === 'late'
      ? ['The workflow did not answer in time', `未在 ${s} 秒内应答（可能没有工作进程在运行）`, `did not answer within ${s} s (no worker may be running)`]
      : ['Temporal could not be reached', '暂时无法连接（Temporal 不可用或过载）', 'could not be reached (Temporal is unavailable or overloaded)'];
  return new Problem(
    503,
    'not-answering',
    title,
    `${subject.zh}${zh}，操作可能稍后仍会生效：${next.zh} ${subject.en} ${en}; the action may still take effect: ${next.en}`,
    undefined,
    { 'Retry-After': String(RETRY_AFTER_S) },
  );
}

/**
 * A write (an update, a start that waits for its workflow) bounded by WRITE_DEADLINE_MS: running
 * out of time, or Temporal unreachable, is the 503 that names `subject` and tells the caller what
 * to do `next`.
 */
export async function boundedWrite<R>(client: Client, subject: { zh: string; en: string }, next: { zh: string; en: string }, call: () => Promise<R>): Promise<R> {
  try {
    return await within(client, WRITE_DEADLINE_MS, call);
  } catch (err) {
    const why = unanswered(err);
    throw why ? notAnswering(why, subject, next) : err;
  }
}

/** What to do after a 503 on an update whose id is the Idempotency-Key. */
export const RETRY_WITH_KEY = {
  zh: '请用同一 Idempotency-Key 重试以获知结果，或先查看后再重试。',
  en: 'retry with the same Idempotency-Key to learn its outcome, or read it before retrying.',
};

/** What to do after a 503 on a start that the same request meets again (its id derives from the request). */
export const REPEAT_IS_SAFE = {
  zh: '请稍后重复同一请求以获知结果。',
  en: 'repeat the same request later to learn its outcome.',
};

/** What an update acts on: a case or a consultation, whose record the caller has already been shown. */
export interface UpdateTarget {
  /** Names the refusals: …:update-rejected, …:case-closed, …:consultation-closed or …:lead-closed. */
  noun: 'case' | 'consultation' | 'lead';
  id: string;
  workflowId: string;
  /** How the 503 names it, Chinese first. */
  subject: { zh: string; en: string };
}

/**
 * Runs one of the workflow's updates for a person's action, its id the Idempotency-Key (so a
 * retry is the same update). The workflow's validators own the rules: a refusal is 409 with the
 * workflow's reason and changes nothing; a workflow that takes no update has ended (409).
 */
export async function runUpdate<S, Arg>(db: Database, client: Client, target: UpdateTarget, def: UpdateDefinition<S, [Arg]>, arg: Arg, caller: Caller): Promise<S> {
  const key = await scopedKey(db, caller, def.name, target.workflowId, arg);
  try {
    return await boundedWrite(client, target.subject, RETRY_WITH_KEY, () => client.workflow.getHandle(target.workflowId).executeUpdate(def, { args: [arg], updateId: key?.updateId }));
  } catch (err) {
    const refusal = refusalOf(err, target);
    if (!refusal) throw err;
    // A refused action changed nothing, its key included (a 503's may still apply: kept).
    await key?.forget();
    throw refusal;
  }
}

const NOUN_ZH: Record<UpdateTarget['noun'], string> = { case: '案件', consultation: '联合会诊', lead: '线索' };

/** The 409 for an update the workflow refused or can no longer take; undefined for any other failure. */
function refusalOf(err: unknown, { noun, id }: UpdateTarget): Problem | undefined {
  if (err instanceof WorkflowUpdateFailedError) {
    return new Problem(409, 'update-rejected', `The ${noun} refused this action`, (err.cause as Error | undefined)?.message ?? err.message);
  }
  // The record exists (the caller was shown it), so a workflow that takes no update has ended.
  if (err instanceof WorkflowNotFoundError || /already completed/i.test((err as Error).message)) {
    const Noun = `${noun[0]!.toUpperCase()}${noun.slice(1)}`;
    return new Problem(409, `${noun}-closed`, `The ${noun} is closed`, `${NOUN_ZH[noun]} ${id} 已结束，不能再对其操作。 ${Noun} ${id} has ended; nothing more can be done on it`);
  }
  return undefined;
}

/**
 * The update id for a request's Idempotency-Key: the key scoped to who sent it and which action
 * (the workflow is the target), so the same key from another person, or for another action, is
 * another update instead of silently returning the first one's answer. The first request with a
 * key records its body; a repeat with a different body is refused (422), as for new cases.
 */
async function scopedKey(db: Database, caller: Caller, action: string, workflowId: string, arg: unknown): Promise<{ updateId: string; forget(): Promise<void> } | undefined> {
  const key = caller.idempotencyKey();
  if (key === undefined) return undefined;
  const who = caller.principal.sub;
  const scope = `${who}:${action}:${workflowId}:${key}`;
  const requestHash = hashOfRequest(arg);
  // Concurrent first requests race here; the first insert wins and all compare with it.
  await db.actionRequestKey.createMany({ data: [{ scope, requestHash }], skipDuplicates: true });
  const first = await db.actionRequestKey.findUniqueOrThrow({ where: { scope } });
  if (first.requestHash !== requestHash) {
    throw keyReused(`You sent ${action} with this key before, with a different body; use a new key for a new action`);
  }
  return {
    updateId: `${who}:${action}:${key}`,
    forget: async () => {
      await db.actionRequestKey.deleteMany({ where: { scope, requestHash } });
    },
  };
}

/** The Temporal UI page of a workflow, for the views' `temporalUi` links. */
export function temporalUiLink(temporalUiUrl: string, namespace: string): (workflowId: string) => string {
  return (workflowId) => `${temporalUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}
