// Keyset pagination's cursor (stable under inserts, unlike offsets): the last item's instant and
// its key, opaque to clients. Lists newest first pass it back to read on from there.
import { validationProblem } from '../problem';

export interface CursorPosition {
  at: Date;
  key: string;
}

export function encodeCursor({ at, key }: CursorPosition): string {
  return Buffer.from(JSON.stringify([at.toISOString(), key])).toString('base64url');
}

/** The position a cursor names; 422 on `cursor` for anything this API did not return. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [iso, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const at = new Date(iso);
    if (typeof key === 'string' && !Number.isNaN(at.getTime())) return { at, key };
  } catch {
    // fall through: not one of ours
  }
  throw validationProblem([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
}
