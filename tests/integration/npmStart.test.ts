// The README's first line, as a newcomer runs it: `npm start` brings the whole
// system up on embedded defaults, Ctrl-C stops all of it, and a second start
// finds what the first one created.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not up after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function pressCtrlC(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A terminal's Ctrl-C signals the whole foreground process group.
  process.kill(-child.pid!, 'SIGINT');
  const code = await exited;
  const deadline = Date.now() + 15_000;
  while (groupAlive(child.pid!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  return code;
}

it('runs the system, keeps cases across restarts, and leaves no process behind', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlane-start-'));
  fs.chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as user postgres
  const [apiPort, devPort, uiPort, pgPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, API_PORT: String(apiPort), TEMPORAL_DEV_PORT: String(devPort), TEMPORAL_UI_PORT: String(uiPort), EMBEDDED_PG_PORT: String(pgPort) };
  // The embedded defaults, whatever the test run itself uses.
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  delete env.NODE_OPTIONS;
  const start = () => spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env, detached: true, stdio: 'ignore' });
  const api = `http://127.0.0.1:${apiPort}`;

  let first = start();
  try {
    await waitFor(`${api}/readyz`, 180_000);
    await waitFor(`http://127.0.0.1:${uiPort}/`, 10_000);
    const created = await fetch(`${api}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer('lianqian-officer') },
      body: JSON.stringify({ firmName: '厦门莲前生物科技有限公司', creditCode: validSimingCode('MA8UQ2K4'), street: 'lianqian', bank: 'ccb', amount: '1200000', purpose: '研发投入' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // Temporal stores the case sealed; the UI shows it in clear through the API's codec server,
    // which answers the UI's origin on this machine without a token (docs/security.md).
    const settings = (await (await fetch(`http://127.0.0.1:${uiPort}/api/v1/settings`)).json()) as { Codec?: { Endpoint?: string } };
    expect(settings.Codec?.Endpoint).toBe(`${api}/codec`);
    const connection = await Connection.connect({ address: `127.0.0.1:${devPort}` });
    const history = await new Client({ connection }).workflow.getHandle(`case-${id}`).fetchHistory();
    await connection.close();
    const [input] = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads!;
    const asBase64 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('base64');
    const decoded = await fetch(`${api}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-namespace': 'default', origin: `http://localhost:${uiPort}` },
      body: JSON.stringify({ payloads: [{ metadata: Object.fromEntries(Object.entries(input.metadata ?? {}).map(([k, v]) => [k, asBase64(v)])), data: asBase64(input.data) }] }),
    });
    expect(decoded.status).toBe(200);
    expect(decoded.headers.get('access-control-allow-origin')).toBe(`http://localhost:${uiPort}`);
    const { payloads } = (await decoded.json()) as { payloads: { data: string }[] };
    expect(Buffer.from(asBase64(input.data), 'base64').toString()).not.toContain('厦门莲前生物科技有限公司');
    expect(JSON.parse(Buffer.from(payloads[0].data, 'base64').toString())).toMatchObject({ caseNo: id, firm: { name: '厦门莲前生物科技有限公司' } });

    expect(await pressCtrlC(first)).toBe(0);
    expect(groupAlive(first.pid!)).toBe(false);

    first = start();
    await waitFor(`${api}/readyz`, 180_000);
    const again = await fetch(`${api}/api/v1/cases/${id}`, { headers: { authorization: await bearer('manager') } });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id, stage: 'PARALLEL_REVIEW', live: true, street: { code: 'lianqian' } });
    expect(await pressCtrlC(first)).toBe(0);
    expect(groupAlive(first.pid!)).toBe(false);
  } finally {
    if (groupAlive(first.pid!)) process.kill(-first.pid!, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
