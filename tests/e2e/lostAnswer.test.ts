// An action whose answer is lost on the way back (the API did it; the browser saw the connection
// drop) is sent again by the user: the form sends it with the same Idempotency-Key, the workflow
// runs the update once (the key is its id) and the form shows it done, instead of a refusal for a
// branch already complete.
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useConsole } from './consoleHarness';

const ui = useConsole();
const { signedIn, api, pageErrors } = ui;

/** POSTs `body` as 鹭江's case officer, with a key of its own. */
async function asOfficer(path: string, body: unknown): Promise<Response> {
  const headers = { authorization: await bearer('lujiang-officer'), 'content-type': 'application/json', 'idempotency-key': `lost-answer-${Date.now()}-${path.length}` };
  return fetch(`${ui.base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

test('a branch completed while its answer was lost is completed once when the grid officer submits again', async () => {
  const opened = await asOfficer('/api/v1/cases', { firmName: '厦门鹭江应答丢失测试有限公司', creditCode: validSimingCode('MA8E2E21'), street: 'lujiang', bank: 'xib', amount: '300000', purpose: '流动资金' });
  expect(opened.status).toBe(201);
  const id = ((await opened.json()) as { id: string }).id;

  const page = await signedIn('lujiang-grid');
  const keys: string[] = [];
  const statuses: number[] = [];
  await page.route(`**/api/v1/cases/${id}/tasks/grid-submission/complete`, async (route) => {
    keys.push(route.request().headers()['idempotency-key']!);
    if (keys.length === 1) {
      // The API answers, the answer never reaches the browser.
      statuses.push((await route.fetch()).status());
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  const item = `li.inbox-item[data-case="${id}"][data-task="GRID_SUBMISSION"]`;
  const form = `${item} form[data-action="${id}-grid-submission-complete"]`;
  await page.waitForSelector(item);
  await page.fill(`#${id}-grid-submission-complete-applicationNo`, 'XYD20261201000321');
  await page.click(`${form} button[type="submit"]`);
  await page.waitForSelector(`${form} .problem[role="alert"]`);
  expect(statuses).toEqual([200]);

  await page.click(`${form} button[type="submit"]`);
  await page.waitForSelector(`${item} [data-testid="item-done"]`);
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const timeline = await api<{ events: { type: string; data: { kind?: string } }[] }>('manager', `/api/v1/cases/${id}/timeline`);
  expect(timeline.events.filter((e) => e.type === 'TASK_COMPLETED' && e.data.kind === 'GRID_SUBMISSION')).toHaveLength(1);
  await page.context().close();
  expect(pageErrors).toEqual([]);
  // Off the other files' inboxes, which share this database.
  expect((await asOfficer(`/api/v1/cases/${id}/withdrawal`, { reason: '测试结束 end of test' })).status).toBe(200);
}, 120_000);
