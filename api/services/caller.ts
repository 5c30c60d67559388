// What a use case needs to know of the request that asks for it, without knowing HTTP.
import type { Principal } from '../../domain/people';
import type { Logger } from '../../infra/logger';

export interface Caller {
  principal: Principal;
  /** The request's logger (it carries the request id), for what is logged rather than answered. */
  log?: Pick<Logger, 'warn'>;
  /**
   * The request's Idempotency-Key, if any. Read (and checked: a malformed one is a 422) when the
   * write is sent, after the request's own checks, so those answer first as they always have.
   */
  idempotencyKey(): string | undefined;
}
