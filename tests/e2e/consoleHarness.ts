// The browser tests' shared set-up: the real API (its console calls checked against the
// contract), a worker on the time-skipping server, headless Chromium, and helpers to sign a
// seeded user in, take a screenshot, check a screen's accessibility and read the API as a user.
// Each e2e file calls useConsole() once at its top.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createApp } from '../../api/app';
import { createLogger } from '../../infra/logger';
import { CONSOLE_DIST } from '../../web/ensureBuilt';
import { bearer, testSignIn, testVerifier } from '../support/auth';
import { describeViolations, recordContract, type ContractRecorder } from '../support/contractRecorder';
import { createHarness, type Harness } from '../workflows/caseHarness';

const SHOTS = path.resolve(__dirname, '../../test-output/e2e');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** What fails a screen: axe-core's serious and critical findings (minor and moderate are left to review). */
const BLOCKING_IMPACTS = ['serious', 'critical'];
/** The phone every screen must work on (an iPhone 14's CSS viewport). */
export const PHONE = { width: 390, height: 844 };

// Both run in the page (the project's TypeScript has no DOM types, so they are plain script).
const RUN_AXE = `axe.run(document, { resultTypes: ['violations'] }).then((r) =>
  r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`;
/**
 * What sticks out past the viewport's right edge (the page scrolls sideways or is cut): boxes wider
 * than the screen, outermost only, or text that runs out of its box (a long unbroken word).
 */
const OVERFLOWING = `(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  const walk = (e) => {
    const box = e.getBoundingClientRect();
    const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map((c) => '.' + c).join('');
    if (box.right > width + 1) return out.push(name + ' (right edge ' + Math.round(box.right) + 'px)') > 0;
    // A box that scrolls its own content sideways (a wide table) is fine on a phone.
    if (e !== document.body && getComputedStyle(e).overflowX !== 'visible') return false;
    const inChildren = [...e.children].map(walk).some(Boolean);
    if (inChildren || box.left + e.scrollWidth <= width + 1) return inChildren;
    return out.push(name + ' (its content runs to ' + Math.round(box.left + e.scrollWidth) + 'px)') > 0;
  };
  walk(document.body);
  return out;
})()`;

/** axe-core's blocking findings on the page as it stands, one line per rule with its elements. */
async function axeFindings(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, so the console's script-src 'self' does not block it.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(RUN_AXE)) as { id: string; impact: string | null; help: string; targets: string[] }[];
  return violations
    .filter((v) => v.impact !== null && BLOCKING_IMPACTS.includes(v.impact))
    .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n      ${v.targets.slice(0, 8).join('\n      ')}`);
}

const overflowing = async (page: Page) => (await page.evaluate(OVERFLOWING)) as string[];

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
  /** A screenshot of one element (a card the docs show) into test-output/e2e/<name>.png. */
  shotOf(element: Locator, name: string): Promise<Buffer>;
  /**
   * Checks a screen as it stands: axe-core finds no serious or critical violation, and at a
   * phone's width (390×844; the page is resized there and back) nothing sticks out sideways and
   * axe-core finds none either. Fails listing each rule with its elements; `name` says which screen.
   */
  accessible(page: Page, name: string): Promise<void>;
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
    // A set-up that failed before listening leaves no server; closing it would wait forever.
    if (server) await new Promise((resolve) => server.close(resolve));
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
    shotOf: (element, name) => element.screenshot({ path: path.join(SHOTS, `${name}.png`) }),
    async accessible(page, name) {
      const problems = (await axeFindings(page)).map((f) => `  ${f}`);
      const size = page.viewportSize();
      if (size && size.width > PHONE.width) {
        await page.setViewportSize(PHONE);
        try {
          problems.push(...(await overflowing(page)).map((e) => `  [phone] wider than ${PHONE.width}px: ${e}`));
          problems.push(...(await axeFindings(page)).map((f) => `  [phone] ${f}`));
        } finally {
          await page.setViewportSize(size);
        }
      } else {
        problems.push(...(await overflowing(page)).map((e) => `  wider than ${size?.width}px: ${e}`));
      }
      if (problems.length) throw new Error(`${name} (${page.url()}): not accessible\n${problems.join('\n')}`);
    },
    async api<T>(who: string, p: string): Promise<T> {
      const res = await fetch(`${base}${p}`, { headers: { authorization: await bearer(who) } });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
