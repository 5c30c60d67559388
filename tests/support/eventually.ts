/** Retries `check` (which throws, e.g. a failing expect) until it passes or time runs out. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

type CaseRead = { answeredBy: string; events: { type: string }[] };

/**
 * Waits until the case's record (not the workflow) carries an event of `type`. A workflow answers
 * its new stage a moment before its projection write lands, and reports and boards read the record.
 */
export function eventuallyRecorded(readCase: () => Promise<CaseRead>, type: string, timeoutMs?: number): Promise<void> {
  return eventually(async () => {
    const c = await readCase();
    expect(c.answeredBy).toBe('RECORD');
    expect(c.events.map((e) => e.type)).toContain(type);
  }, timeoutMs);
}
