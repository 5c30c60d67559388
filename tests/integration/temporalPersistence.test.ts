// What Temporal itself stores, read from its own database file: a dev server with its SQLite
// persistence in a file of this test, a case and a consultation batch opened through the API with
// the payload codec on, and the same with a client and worker without it (the control, which
// shows the search below does find firm data when it is stored in clear).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startDevServer } from '../../dev/devServer';
import { loadConfig } from '../../infra/config';
import { ensureSearchAttributes } from '../../infra/temporal';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

const run = String(Date.now() % 100_000).padStart(5, '0');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-persistence-'));
let temporal: TestWorkflowEnvironment;
let stopTemporal: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const config = loadConfig({ ...process.env, GREENLANE_ENV: 'test' });
  temporal = await startDevServer({ cacheDir: config.cacheDir, cliPath: config.temporal.cliPath, dbFilename: path.join(dir, 'temporal.db') });
  await ensureSearchAttributes(temporal.connection, 'default');
  stopTemporal = () => {
    stopTemporal = undefined;
    return temporal.teardown();
  };
});
afterAll(async () => {
  await stopTemporal?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Firm {
  name: string;
  creditCode: string;
}

/** Opens a fast-track case for `firm` and a consultation batch for `batchFirm`, and waits until the batch's consultation runs. */
async function openBoth(stack: Stack, firm: Firm, batchFirm: Firm): Promise<void> {
  const opened = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName: firm.name, creditCode: firm.creditCode, street: 'lujiang', bank: 'xib', amount: '5140000.00', purpose: '新订单备料' });
  expect(opened.status).toBe(201);
  const batch = await request(stack.app)
    .post('/api/v1/consultation-batches')
    .set('authorization', await bearer('task-force'))
    .send({ bank: 'xib', firms: [{ name: batchFirm.name, creditCode: batchFirm.creditCode, street: 'lujiang', amount: '800000', purpose: '流动资金', reasons: [{ code: 'LOW_CREDIT_RATING' }] }] });
  expect(batch.status).toBe(202);
  await eventually(async () => {
    const progress = await request(stack.app).get(`/api/v1/consultation-batches/${batch.body.id}`).set('authorization', await bearer('task-force'));
    const member = progress.body.members?.[0]?.consultationId;
    expect((await request(stack.app).get(`/api/v1/consultations/${member}`).set('authorization', await bearer('task-force'))).status).toBe(200);
  });
  // A completed branch: an update's arguments and result, and the activities it ran.
  expect((await request(stack.app).post(`/api/v1/cases/${opened.body.id}/tasks/grid-submission/complete`).set('authorization', await bearer('lujiang-grid')).send({ applicationNo: `XYD2026113${run}` })).status).toBe(200);
}

/** Every byte Temporal stored: the SQLite file and its journals. */
function storedBytes(): Buffer {
  const files = fs.readdirSync(dir).filter((f) => f.startsWith('temporal.db'));
  return Buffer.concat(files.map((f) => fs.readFileSync(path.join(dir, f))));
}
const holds = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'utf8'));

it('stores neither the firm name nor the credit code with the codec on; stores both without it', async () => {
  const sealed = { name: `厦门鹭江加密测试${run}有限公司`, creditCode: validSimingCode(`EN${run}1`) };
  const sealedBatch = { name: `厦门鹭江加密会诊${run}有限公司`, creditCode: validSimingCode(`EN${run}2`) };
  const clear = { name: `厦门鹭江明文测试${run}有限公司`, creditCode: validSimingCode(`PL${run}1`) };
  const clearBatch = { name: `厦门鹭江明文会诊${run}有限公司`, creditCode: validSimingCode(`PL${run}2`) };

  for (const [options, firm, batchFirm] of [
    [{}, sealed, sealedBatch],
    // The control: a client and worker without the codec (payloads in clear, as before it).
    [{ dataConverter: {} }, clear, clearBatch],
  ] as const) {
    const stack = await startStack({ temporalAddress: temporal.connection.options.address, ...options });
    try {
      await openBoth(stack, firm, batchFirm);
    } finally {
      await stack.stop();
    }
  }
  // Stopped, so everything it wrote is in the file.
  await stopTemporal?.();
  const bytes = storedBytes();

  for (const f of [clear, clearBatch]) {
    expect(holds(bytes, f.name)).toBe(true);
    expect(holds(bytes, f.creditCode)).toBe(true);
  }
  for (const f of [sealed, sealedBatch]) {
    expect(holds(bytes, f.name)).toBe(false);
    expect(holds(bytes, f.creditCode)).toBe(false);
  }
});
