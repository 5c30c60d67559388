// An Idempotency-Key stands for one request: its body's fingerprint is kept with the key, and a
// repeat with another body is refused. Used for new cases and for actions on cases and consultations.
import crypto from 'node:crypto';
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
