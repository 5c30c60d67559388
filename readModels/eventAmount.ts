import type { Prisma } from '../prisma/generated/client';

/** The amount (fen) an APPROVED or DISBURSED event records; 0 when it records none. */
export function eventAmountFen(data: Prisma.JsonValue): number {
  const v = data && typeof data === 'object' && !Array.isArray(data) ? (data as { amountFen?: unknown }).amountFen : undefined;
  return typeof v === 'number' ? v : 0;
}
