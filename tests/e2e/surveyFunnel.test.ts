// The survey funnel (摸排漏斗) in the console, in headless Chromium against the real API and
// PostgreSQL: a team of this run's own records two visits, one with a need; the survey group
// opens the funnel from its menu, groups it by team and reads the team's row (two firms, one need,
// 50 %), the overall stages drawn as bars with their figures as text; the manager finds it in
// their menu too, and on a phone picks a measure for the map-like grid of streets and opens 鹭江's
// funnel from its tile by keyboard. Checked by axe-core at desk and phone width; screenshots in
// Chinese go to test-output/e2e/ (docs/screenshots/console-street-map-phone.png is the map's).
import { bearer, bearerAs } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { PHONE, useConsole } from './consoleHarness';

const ui = useConsole();
const { signedIn, shot, pageErrors, accessible } = ui;

// The database outlives a run: this run's team, building and firms have their own codes.
const run = String(Date.now()).slice(-5);
const TEAM = `lujiang-01-f${run}`;
const BUILDING = `${TEAM}-b`;
const visitor = { sub: `${TEAM}-street`, name: '漏斗街道', role: 'visit_team_member' as const, street: 'lujiang', community: 'lujiang-01', team: TEAM };

async function send(who: string | typeof visitor, method: 'PUT' | 'POST', path: string, body: object): Promise<{ status: number; body: { id?: string } }> {
  const authorization = typeof who === 'string' ? await bearer(who) : await bearerAs(who);
  const res = await fetch(`${ui.base}/api/v1${path}`, { method, headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { id?: string } };
}

beforeAll(async () => {
  const team = await send('survey-group', 'PUT', `/survey-network/teams/${TEAM}`, {
    community: 'lujiang-01',
    nameZh: `鹭江漏斗走访组${run}`,
    nameEn: `Lujiang funnel team ${run}`,
    members: [
      { seat: 'STREET', name: '漏斗街道', staffId: visitor.sub },
      { seat: 'BANK', name: '郑秀英', bank: 'ccb' },
      { seat: 'PROPERTY', name: '许建华', organisation: '厦门鹭江物业管理有限公司' },
    ],
  });
  expect(team.status).toBe(201);
  const building = await send('survey-group', 'PUT', `/survey-network/buildings/${BUILDING}`, { community: 'lujiang-01', nameZh: '鹭江漏斗大厦', nameEn: 'Lujiang funnel tower', address: '思明区鹭江道300号', team: TEAM });
  expect(building.status).toBe(201);
  for (const [n, body] of [
    [1, { outcome: 'NEED_FOUND', need: { amount: '600000', purpose: '流动资金', urgency: 'WITHIN_MONTH', patents: 0 } }],
    [2, { outcome: 'NO_NEED' }],
  ] as const) {
    const firm = await send(visitor, 'POST', `/survey-network/buildings/${BUILDING}/firms`, { name: `厦门鹭江漏斗${n}号有限公司${run}`, creditCode: validSimingCode(`MF${run}${n}`) });
    expect(firm.status).toBe(201);
    expect((await send(visitor, 'POST', '/visits', { firmId: firm.body.id, ...body })).status).toBe(201);
  }
});

test('the survey group reads the funnel by team, the stages drawn as bars with their figures', async () => {
  const page = await signedIn('survey-group');
  await page.click('nav >> text=摸排漏斗');
  await page.waitForSelector('[data-testid="funnel-overall"] .bar-row[data-bar="firmsVisited"] .bar');
  await page.selectOption('#funnel-group', 'team');
  await page.click('button:has-text("查询")');
  const row = `[data-testid="funnel-groups"] tr[data-group="${TEAM}"]`;
  await page.waitForSelector(row);
  const cells = await page.locator(`${row} td`).allTextContents();
  expect(cells).toEqual(['1', '2', '1（50.0%）', '1（100.0%）', '0（0.0%）', '0（—）', '0（—）', '0.00']);
  expect(await page.textContent(`${row} th`)).toBe(`鹭江漏斗走访组${run}`);
  // Every stage has its row in the overall chart, its figure written beside it.
  expect(await page.locator('[data-testid="funnel-overall"] .bar-row').count()).toBe(7);
  expect(await page.textContent('[data-testid="funnel-overall"] .bar-row[data-bar="buildingsWalked"] dt')).toBe('走访楼宇');
  expect(await page.textContent('[data-testid="funnel-overall"] .bar-row[data-bar="needsFound"] .bar-value')).toMatch(/^\d+（\d+\.\d%）$/);
  await accessible(page, 'survey funnel');
  await shot(page, 'survey-funnel');

  const manager = await signedIn('manager');
  await manager.click('nav >> text=摸排漏斗');
  await manager.waitForSelector('[data-testid="funnel-groups"] tr[data-group="ALL"]');
  expect(pageErrors).toEqual([]);
});

test('on a phone the manager shades the street map by a measure and opens a street’s funnel from its tile by keyboard', async () => {
  const page = await signedIn('manager', PHONE);
  await page.click('nav >> text=摸排漏斗');
  const map = '[data-testid="funnel-map"]';
  const tile = `${map} .street-tile[data-street="lujiang"]`;
  await page.waitForSelector(tile);
  // Every Siming street has its tile, placed by the layout: 筼筜 north of 开元, 鼓浪屿 west of 中华.
  const place = async (street: string) => (await page.locator(`${map} [data-street="${street}"]`).boundingBox())!;
  expect(await page.locator(`${map} .street-tile`).count()).toBeGreaterThanOrEqual(10);
  const [yundang, kaiyuan, gulangyu, zhonghua] = [await place('yundang'), await place('kaiyuan'), await place('gulangyu'), await place('zhonghua')];
  expect([yundang.x, yundang.y < kaiyuan.y]).toEqual([kaiyuan.x, true]);
  expect([gulangyu.y, gulangyu.x < zhonghua.x]).toEqual([zhonghua.y, true]);

  // Needs found: this run's team found one in 鹭江, so its tile is shaded and says how many.
  const tileText = async () => [await page.textContent(`${tile} .street-name`), await page.textContent(`${tile} .street-value`)];
  const [name, needs] = await tileText();
  expect(name).toBe('鹭江街道');
  expect(Number(needs)).toBeGreaterThanOrEqual(1);
  expect(await page.getAttribute(tile, 'class')).toMatch(/heat-[1-4]/);
  await page.selectOption('#funnel-map-measure', 'caseRate');
  expect((await tileText())[1]).toMatch(/^(\d+\.\d%|—)$/);
  await page.selectOption('#funnel-map-measure', 'disbursed');
  expect((await tileText())[1]).toMatch(/^(\d+(\.\d+)?万元|\d+\.\d{2}元)$/);

  // Chosen by keyboard: the tile takes focus and Enter shows 鹭江's own funnel below the map.
  await page.focus(tile);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${map} [data-testid="street-funnel"] .bar-row[data-bar="needsFound"]`);
  expect(await page.textContent(`${map} [data-testid="street-funnel"] h3`)).toBe('鹭江街道的摸排漏斗');
  expect(await page.getAttribute(tile, 'aria-pressed')).toBe('true');
  expect(Number((await page.textContent(`${map} [data-testid="street-funnel"] .bar-row[data-bar="needsFound"] .bar-value`))!.split('（')[0])).toBe(Number(needs));
  await accessible(page, 'survey funnel street map on a phone');
  await ui.shotOf(page.locator(map), 'street-map-phone');
  expect(pageErrors).toEqual([]);
});
