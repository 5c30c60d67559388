// The browser tests' shared set-up: the real API (its console calls checked against the
// contract), a worker on the time-skipping server, headless Chromium, and helpers to sign a
// seeded user in, take a screenshot and read the API as a user. Each e2e file calls
// useConsole() once at its top.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../api/app';
import { createLogger } from '../../infra/logger';
import { CONSOLE_DIST } from '../../web/ensureBuilt';
import { bearer, testSignIn, testVerifier } from '../support/auth';
import { describeViolations, recordContract, type ContractRecorder } from '../support/contractRecorder';
import { createHarness, type Harness } from '../workflows/caseHarness';

const SHOTS = path.resolve(__dirname, '../../test-output/e2e');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ConsoleSession {
  /** The time-skipping server, its worker and the database. */
  readonly h: Harness;
  /** The API's (and console's) address. */
  readonly base: string;
  /** Errors the pages threw or logged; a test ends by expecting none. */
  readonly pageErrors: string[];
  /** A signed-in browser tab for a seeded user (its own context: its own session storage). */
  signedIn(userId: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** A full-page screenshot into test-output/e2e/<name>.png. */
  shot(page: Page, name: string): Promise<Buffer>;
  /** GET an API path as a user; throws on anything but 2xx. */
  api<T>(who: string, p: string): Promise<T>;
}

export function useConsole(): ConsoleSession {
  let h: Harness;
  let server: http.Server;
  let contract: ContractRecorder;
  let base: string;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    h = await createHarness();
    await h.startWorker();
    contract = recordContract(
      createApp({
        db: h.db,
        client: h.env.client,
        taskQueue: h.taskQueue,
        namespace: 'default',
        temporalUiUrl: 'http://localhost:8233',
        verify: testVerifier(),
        signIn: testSignIn(),
        consoleDir: CONSOLE_DIST,
        ops: { logger: createLogger('silent') },
      }),
    );
    server = http.createServer(contract.listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await h?.teardown();
    // The console's API calls must keep to the contract (its own files are not API routes).
    const apiViolations = contract?.violations.filter((v) => v.path.startsWith('/api/')) ?? [];
    if (apiViolations.length) throw new Error(`console calls answered off-contract:\n${describeViolations(apiViolations)}`);
  });

  return {
    get h() {
      return h;
    },
    get base() {
      return base;
    },
    pageErrors,
    async signedIn(userId, viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`${userId}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(`${userId}: ${m.text()}`);
      });
      await page.goto(base);
      await page.click(`button[data-user="${userId}"]`);
      await page.waitForSelector('[data-testid="current-user"]');
      return page;
    },
    shot: (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true }),
    async api<T>(who: string, p: string): Promise<T> {
      const res = await fetch(`${base}${p}`, { headers: { authorization: await bearer(who) } });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
