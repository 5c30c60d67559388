// The survey (摸排走访) in the console, in headless Chromium against the real API and PostgreSQL:
// 鹭江第1社区's visiting team member, on a phone, opens the visit list, adds a firm found on site
// (a pilot credit code confirmed), records the financing need it found (514万 entered in 万元,
// sent in CNY; a double tap records one visit) and finds it among the visits; another team's
// building is not on their list (404). The community coordinator sees the community's buildings
// and narrows by team; a bank stationed at 鹭江 reads its list; the survey group sees the
// district, the network's communities, teams and banks, changes a team and moves a building.
// Every screen passes the accessibility check at a phone's width; screenshots in Chinese go to
// test-output/e2e/.
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { PHONE, useConsole } from './consoleHarness';

const ui = useConsole();
const { signedIn, shot, api, pageErrors, accessible } = ui;

type VisitsJson = { items: { id: string; firm: { name: string }; outcome: string; need: { amountFen: number; urgency: string; patents: number; refusedBy: { bank: string } | null } | null }[] };

/** A request as a seeded user, answering the status and body. */
async function send(who: string, method: 'PUT' | 'POST', path: string, body: object): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${ui.base}/api/v1${path}`, { method, headers: { authorization: await bearer(who), 'content-type': 'application/json', 'idempotency-key': `e2e-${crypto.randomUUID()}` }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

// The database outlives a run: this run's team, building and firms have their own codes and names.
const run = String(Date.now()).slice(-5);
const TEAM = `lujiang-01-e${run}`;
/** The list the survey group moves the building to (the seeded team's list stays as the seed made it). */
const TEAM2 = `lujiang-01-e${run}-2`;
const BUILDING = `lujiang-01-e${run}-b`;
const FIRM = `厦门鹭江装饰工程有限公司${run}`;
const code = (n: number) => validSimingCode(`MA${run}${n}`);
const valid = code(1);
/** Same 17 characters, another check character: an early pilot code, accepted once confirmed. */
const pilot = valid.slice(0, 17) + (valid[17] === 'A' ? 'B' : 'A');

beforeAll(async () => {
  // A second team of the same community, with its own building and a firm in it.
  for (const [code, n, street] of [[TEAM, '二', '吴晓东'], [TEAM2, '三', '陈美玲']] as const) {
    const team = await send('survey-group', 'PUT', `/survey-network/teams/${code}`, {
      community: 'lujiang-01',
      nameZh: `鹭江第1社区走访${n}组${run}`,
      nameEn: `Lujiang Community 1 visiting team ${code}`,
      members: [
        { seat: 'STREET', name: street },
        { seat: 'BANK', name: '郑秀英', bank: 'ccb' },
        { seat: 'PROPERTY', name: '许建华', organisation: '厦门鹭江物业管理有限公司' },
      ],
    });
    expect(team.status).toBe(201);
  }
  const building = await send('survey-group', 'PUT', `/survey-network/buildings/${BUILDING}`, {
    community: 'lujiang-01',
    nameZh: '鹭江第1社区商务楼2号',
    nameEn: 'Lujiang Community 1 office building 2',
    address: '思明区鹭江道200号',
    team: TEAM,
  });
  expect(building.status).toBe(201);
  expect(await send('survey-group', 'POST', `/survey-network/buildings/${BUILDING}/firms`, { name: `厦门鹭江贸易有限公司${run}`, creditCode: code(2) })).toMatchObject({ status: 201 });
}, 60_000);

test('a team member, on a phone, adds a firm found on site and records its need; the visit is recorded once and listed; another team’s building is not theirs', async () => {
  const visitor = await signedIn('lujiang-visitor', PHONE);
  await visitor.waitForSelector('[data-building="lujiang-01-b1"]');
  expect(visitor.url()).toMatch(/\/visit-list$/);
  expect(await visitor.$(`[data-building="${BUILDING}"]`)).toBeNull();
  expect(await visitor.textContent('[data-total="buildings"]')).toBe(String((await visitor.$$('[data-building]')).length));
  const needsBefore = Number(await visitor.textContent('[data-total="needsFound"]'));
  await shot(visitor, 'visits-01-list-phone');
  await accessible(visitor, 'visit list, a team member on a phone');

  // Add the firm found on site: refused empty, then its pilot code needs confirming.
  await visitor.click('[data-building="lujiang-01-b1"] a.button');
  await visitor.waitForSelector('#creditCode');
  await visitor.click('form button[type="submit"]');
  await visitor.waitForSelector('#firmName-error');
  expect(await visitor.textContent('#firmName-error')).toBe('必填');
  await visitor.fill('#firmName', FIRM);
  await visitor.fill('#creditCode', pilot);
  await visitor.fill('#unit', '12层1205室');
  await visitor.waitForSelector('#confirmCreditCode');
  await visitor.click('form button[type="submit"]');
  await visitor.waitForSelector('.warning .field-error');
  await shot(visitor, 'visits-02-add-firm-pilot-code');
  await accessible(visitor, 'add a firm, pilot code to confirm');
  await visitor.check('#confirmCreditCode');
  await visitor.click('form button[type="submit"]');
  await visitor.waitForSelector('[data-testid="firm-added"]');
  await visitor.waitForSelector(`[data-building="lujiang-01-b1"] li:has-text("${FIRM}")`);
  expect(await visitor.textContent(`li:has-text("${FIRM}") [data-testid="last-visit"]`)).toBe('尚未走访');

  // Record the need: refused without an outcome, then with an amount that is no 万元 figure.
  await visitor.click(`li:has-text("${FIRM}") a.button`);
  await visitor.waitForSelector('#outcome-NEED_FOUND');
  await visitor.click('button[type="submit"]');
  await visitor.waitForSelector('#outcome-error');
  await visitor.check('#outcome-NEED_FOUND');
  await visitor.fill('#need-amount', '514万');
  await visitor.click('button[type="submit"]');
  await visitor.waitForSelector('#need-purpose-error');
  expect(await visitor.textContent('#need-amount-error')).toBe('须为万元金额，例如 514 或 12.5');
  expect(await visitor.textContent('#need-urgency-error')).toBe('不是可选的值');
  await visitor.fill('#need-amount', '514');
  await visitor.fill('#need-purpose', '承接酒店装修项目，垫付材料款');
  await visitor.selectOption('#need-urgency', 'IMMEDIATE');
  await visitor.fill('#need-collateral', '厂房租赁合同及应收账款');
  await visitor.fill('#need-patents', '2');
  await visitor.check('#need-refused');
  await visitor.selectOption('#need-refused-bank', 'ccb');
  await visitor.fill('#need-refused-reason', '缺少抵押物');
  await shot(visitor, 'visits-03-record-need-phone');
  await accessible(visitor, 'record a visit with a need');
  // A double tap: one visit.
  await visitor.dblclick('button[type="submit"]');
  await visitor.waitForSelector('[data-testid="visit-recorded"]');
  expect(await visitor.textContent('[data-testid="need-amount"]')).toBe('514万元');
  expect(await visitor.textContent('[data-testid="visit-recorded"]')).toContain('急需（一周内）');
  await shot(visitor, 'visits-04-recorded-phone');
  await accessible(visitor, 'visit recorded');

  const visits = { items: (await api<VisitsJson>('lujiang-visitor', '/api/v1/visits')).items.filter((v) => v.firm.name === FIRM) };
  expect(visits.items).toHaveLength(1);
  expect(visits.items[0]).toMatchObject({ firm: { name: FIRM }, outcome: 'NEED_FOUND', need: { amountFen: 514_000_000, urgency: 'IMMEDIATE', patents: 2, refusedBy: { bank: 'ccb' } } });

  await visitor.click('a[href="/visit-list"]');
  await visitor.waitForSelector(`li:has-text("${FIRM}") .badge`);
  expect(await visitor.textContent(`li:has-text("${FIRM}") .badge`)).toBe('有融资需求');
  expect(await visitor.textContent('[data-total="needsFound"]')).toBe(String(needsBefore + 1));

  // A second visit finds nothing more: its note is all it carries, and it is the firm's latest.
  await visitor.click(`li:has-text("${FIRM}") a.button`);
  await visitor.check('#outcome-NO_NEED');
  expect(await visitor.$('#need-amount')).toBeNull();
  await visitor.fill('#note', '资金已到位，暂无新需求');
  await visitor.click('button[type="submit"]');
  await visitor.waitForSelector('[data-testid="visit-recorded"]');
  expect(await visitor.textContent('[data-testid="visit-recorded"] .badge')).toBe('暂无需求');
  expect(await visitor.$('[data-testid="need"]')).toBeNull();

  await visitor.click('a[href="/visits"]');
  await visitor.waitForSelector(`[data-visit="${visits.items[0]!.id}"]`);
  // Newest first: the second visit, then the need.
  const shown = await visitor.$$eval('[data-visit]', (els) => els.map((e) => (e.textContent ?? '').includes('资金已到位')));
  expect(shown.slice(0, 2)).toEqual([true, false]);
  await shot(visitor, 'visits-05-visits-phone');
  await accessible(visitor, 'visits, a team member on a phone');
  await visitor.click('a[href="/visit-list"]');
  await visitor.waitForSelector(`li:has-text("${FIRM}") .badge`);
  expect(await visitor.textContent(`li:has-text("${FIRM}") .badge`)).toBe('暂无需求');

  // Another team's building: the API says 404, and so does the console.
  expect((await send('lujiang-visitor', 'POST', `/survey-network/buildings/${BUILDING}/firms`, { name: '越界企业', creditCode: code(3) })).status).toBe(404);
  await visitor.goto(`${ui.base}/visit-list/buildings/${BUILDING}`);
  await visitor.waitForSelector('[data-problem="not-found"]');
  expect(await visitor.textContent('[data-problem="not-found"]')).toContain('未找到');
  expect(await visitor.$('#creditCode')).toBeNull();
  await shot(visitor, 'visits-06-other-team-not-found');
  await accessible(visitor, 'another team’s building');
  await visitor.context().close();
  expect(pageErrors).toEqual([]);
}, 120_000);

test('the community coordinator sees the community and narrows by team; the survey group sees the district and keeps the network', async () => {
  const coordinator = await signedIn('lujiang-community', PHONE);
  await coordinator.waitForSelector(`[data-building="${BUILDING}"]`);
  expect(await coordinator.$$eval('[data-building]', (els) => els.map((e) => e.getAttribute('data-building')))).toEqual(expect.arrayContaining(['lujiang-01-b1', BUILDING]));
  // The total counts the buildings' firms; screening-track firms other files flagged are listed apart.
  expect(await coordinator.textContent('[data-total="firms"]')).toBe(String((await coordinator.$$('[data-building] [data-firm]')).length));
  // Their community is their reach: no street or community to choose, only its teams.
  expect(await coordinator.$('#filter-street')).toBeNull();
  expect(await coordinator.$('#filter-community')).toBeNull();
  await shot(coordinator, 'visits-07-community-phone');
  await accessible(coordinator, 'visit list, the community');
  await coordinator.selectOption('#filter-team', TEAM);
  await coordinator.waitForSelector('[data-building="lujiang-01-b1"]', { state: 'detached' });
  expect(await coordinator.$$eval('[data-building]', (els) => els.map((e) => e.getAttribute('data-building')))).toEqual([BUILDING]);
  await coordinator.click('a[href="/visits"]');
  await coordinator.waitForSelector('[data-visit]');
  expect(await coordinator.textContent('[data-visit]')).toContain(FIRM);
  await coordinator.context().close();

  // A bank's customer manager reads the lists of the streets its branches are stationed at:
  // 厦门国际银行 is stationed at 鹭江; 建设银行 reads only its own stations' streets (which other
  // test files may extend, so they are read after its list).
  const xib = await signedIn('xib-manager', PHONE);
  await xib.click('a[href="/visit-list"]');
  await xib.waitForSelector('[data-building="lujiang-01-b1"]');
  expect(await xib.$('#filter-street')).not.toBeNull();
  await accessible(xib, 'visit list, a bank stationed at the street');
  await xib.context().close();
  const ccb = await api<{ items: { building: { street: string } }[] }>('ccb-manager', '/api/v1/visit-list');
  const banks = await api<{ items: { code: string; branches: { stations: string[]; retiredAt: string | null }[] }[] }>('ccb-manager', '/api/v1/banks');
  const stations = new Set(banks.items.find((b) => b.code === 'ccb')!.branches.filter((b) => !b.retiredAt).flatMap((b) => b.stations));
  expect(ccb.items.map((i) => i.building.street).filter((street) => !stations.has(street))).toEqual([]);

  const group = await signedIn('survey-group');
  await group.waitForSelector(`[data-building="${BUILDING}"]`);
  await group.selectOption('#filter-street', 'lujiang');
  await group.selectOption('#filter-community', 'lujiang-01');
  await group.waitForSelector(`#filter-team option[value="${TEAM}"]`, { state: 'attached' });
  await shot(group, 'visits-08-district');
  await accessible(group, 'visit list, the district');

  await group.click('a[href="/survey-network"]');
  await group.waitForSelector(`[data-community="lujiang-01"] [data-team="${TEAM}"]`);
  expect(await group.textContent(`[data-team="${TEAM}"]`)).toContain('郑秀英');
  expect(await group.$$('[data-testid="banks"] tr[data-bank]')).not.toHaveLength(0);
  // A team with a building on its list cannot retire (409, said in Chinese); its member's name changes.
  await group.click(`[data-team="${TEAM}"] button.link`);
  await group.check(`#team-${TEAM}-retired`);
  await group.click('[data-testid="team-form"] button[type="submit"]');
  await group.waitForSelector('[data-testid="team-form"] [data-problem="network-conflict"]');
  expect(await group.textContent('[data-testid="team-form"] [data-problem="network-conflict"]')).toContain('此修改会影响已有记录');
  await group.uncheck(`#team-${TEAM}-retired`);
  await group.fill(`#team-${TEAM}-members-0-name`, '吴晓明');
  await accessible(group, 'the survey network, a team edited');
  await group.click('[data-testid="team-form"] button[type="submit"]');
  await group.waitForSelector('[data-testid="team-form"]', { state: 'detached' });
  await group.waitForSelector(`[data-team="${TEAM}"]:has-text("吴晓明")`);

  // Move the building to the third team's list: that team now walks it.
  await group.click(`[data-building="${BUILDING}"] button.link`);
  await group.selectOption(`#building-${BUILDING}-team`, TEAM2);
  await group.fill(`#building-${BUILDING}-address`, '思明区鹭江道202号');
  await shot(group, 'visits-09-network-edit');
  await accessible(group, 'the survey network, a building edited');
  await group.click('[data-testid="building-form"] button[type="submit"]');
  await group.waitForSelector(`[data-building="${BUILDING}"]:has-text("思明区鹭江道202号")`);
  expect(await group.textContent(`[data-building="${BUILDING}"]`)).toContain(`鹭江第1社区走访三组${run}`);
  const list = await api<{ items: { building: { code: string } }[] }>('survey-group', `/api/v1/visit-list?team=${TEAM2}`);
  expect(list.items.map((i) => i.building.code)).toEqual([BUILDING]);
  await group.context().close();
  expect(pageErrors).toEqual([]);
}, 120_000);
