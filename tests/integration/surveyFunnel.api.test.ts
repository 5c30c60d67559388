// The survey funnel (摸排漏斗) through the real API, Temporal and PostgreSQL: a team of its own
// (in 鹭江, its bank seat from a bank of its own) records visits with and without a need, one
// lead becomes a case that is decided and paid, and the funnel counts every stage, by team and
// by bank, within the reader's reach; the CSV says the same.
import request from 'supertest';
import { addDays, shanghaiDate, shanghaiDateTime } from '../../domain/calendar/timeZone';
import { leadPaid } from '../support/apiCases';
import { bearer, bearerAs } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();
const net = `funnel-${Date.now().toString(36)}`;
const digits = String(Date.now()).slice(-5);
let firmSeq = 0;
const visitor = { sub: `${net}-street`, name: '漏斗街道', role: 'visit_team_member' as const, street: 'lujiang', community: net, team: `${net}-t1` };

const send = async (method: 'put' | 'post', who: string | typeof visitor, path: string, body: object) =>
  request(stack.app)[method](`/api/v1${path}`).set('authorization', typeof who === 'string' ? await bearer(who) : await bearerAs(who)).send(body);
const get = async (who: string | typeof visitor, path: string, accept = 'application/json') =>
  request(stack.app).get(`/api/v1${path}`).set('authorization', typeof who === 'string' ? await bearer(who) : await bearerAs(who)).set('accept', accept);

// Around today (Asia/Shanghai), so a visit made just before midnight still falls in the range.
const today = shanghaiDate(new Date());
const range = `from=${addDays(today, -1)}&to=${addDays(today, 1)}`;

async function visit(building: string, name: string, body: object): Promise<{ lead: string | null }> {
  const firm = await send('post', visitor, `/survey-network/buildings/${building}/firms`, { name, creditCode: validSimingCode(`F${digits}0${++firmSeq}`) });
  expect(firm.status).toBe(201);
  const v = await send('post', visitor, '/visits', { firmId: firm.body.id, ...body });
  expect(v.status).toBe(201);
  return v.body;
}

const need = { outcome: 'NEED_FOUND', need: { amount: '800000', purpose: '流动资金', urgency: 'IMMEDIATE', patents: 0 } };

beforeAll(async () => {
  expect((await send('put', 'operator', `/banks/${net}`, { nameZh: '=1+1漏斗测试银行', nameEn: 'Funnel test bank' })).status).toBe(201);
  expect((await send('put', 'survey-group', `/survey-network/communities/${net}`, { street: 'lujiang', nameZh: '漏斗社区', nameEn: 'Funnel community' })).status).toBe(201);
  const members = [
    { seat: 'STREET', name: '漏斗街道', staffId: visitor.sub },
    { seat: 'BANK', name: '漏斗银行', bank: net },
    { seat: 'PROPERTY', name: '漏斗物业', organisation: '漏斗物业公司' },
  ];
  expect((await send('put', 'survey-group', `/survey-network/teams/${net}-t1`, { community: net, nameZh: '漏斗走访组', nameEn: 'Funnel team', members })).status).toBe(201);
  for (const b of ['b1', 'b2']) {
    const put = await send('put', 'survey-group', `/survey-network/buildings/${net}-${b}`, { community: net, nameZh: `漏斗大厦${b}`, nameEn: `Funnel tower ${b}`, address: '思明区鹭江道1号', team: `${net}-t1` });
    expect(put.status).toBe(201);
  }

  // Building 1: two firms with a need (one visited twice); building 2: a firm without.
  const paid = await visit(`${net}-b1`, '厦门漏斗甲有限公司', need);
  await visit(`${net}-b1`, '厦门漏斗乙贸易有限公司', need);
  await visit(`${net}-b2`, '厦门漏斗丙科技服务有限公司', { outcome: 'NO_NEED', note: '暂无需求' });

  // The first lead becomes a case, approved and paid.
  await leadPaid(stack.app, paid.lead!);
});

const funnelOf = async (who: string | typeof visitor, groupBy: string) => {
  const res = await get(who, `/survey/funnel?${range}&groupBy=${groupBy}`);
  expect(res.status).toBe(200);
  return res.body as { overall: Record<string, unknown>; groups: { code: string; nameZh: string }[] };
};

const expected = {
  buildingsWalked: 2,
  firmsVisited: 3,
  needsFound: 2,
  leads: 2,
  casesOpened: 1,
  decided: 1,
  disbursed: 1,
  disbursedFen: 80_000_000,
  disbursedAmount: '800000.00',
  rates: { needsFound: 0.6667, leads: 1, casesOpened: 0.5, decided: 1, disbursed: 1 },
};

it('counts the team’s funnel from the buildings walked to the money paid, by team and by its bank seat', async () => {
  const byTeam = await funnelOf('survey-group', 'team');
  const team = byTeam.groups.find((g) => g.code === `${net}-t1`);
  expect(team).toMatchObject({ nameZh: '漏斗走访组', ...expected });
  // Seconds apart: whatever the hour or the day, well under a working day between the stages.
  for (const days of Object.values((team as unknown as { medianWorkingDays: Record<string, number> }).medianWorkingDays)) {
    expect(days).toBeGreaterThanOrEqual(0);
    expect(days).toBeLessThan(0.05);
  }
  const byBank = await funnelOf('manager', 'bank');
  expect(byBank.groups.find((g) => g.code === net)).toMatchObject({ nameZh: '=1+1漏斗测试银行', ...expected });
});

it('reads within the caller’s reach: the team member sees their team only, another street’s officer not at all', async () => {
  expect((await funnelOf(visitor, 'street')).overall).toMatchObject(expected);
  // Audited like the other report reads.
  expect(await stack.db.auditEntry.count({ where: { action: 'SURVEY_FUNNEL_READ', actor: visitor.sub } })).toBeGreaterThan(0);
  expect((await funnelOf('lujiang-officer', 'community')).groups.map((g) => g.code)).toContain(net);
  expect((await funnelOf('lianqian-officer', 'community')).groups.map((g) => g.code)).not.toContain(net);
  expect((await get('assessor', `/survey/funnel?${range}`)).status).toBe(403);
});

it('exports the same as CSV, formula-neutral, and refuses a bad range with a precise message', async () => {
  const csv = await get(visitor, `/survey/funnel?${range}&groupBy=team`, 'text/csv');
  expect(csv.headers['content-type']).toMatch(/^text\/csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toMatch(/^代码 Code,名称 Name,走访楼宇 Buildings walked,/);
  expect(lines[1]).toMatch(new RegExp(`^${net}-t1,漏斗走访组 Funnel team,2,3,2,66.67%,2,100.00%,1,50.00%,1,100.00%,1,100.00%,800000.00,`));
  expect(lines.at(-1)).toMatch(/^ALL,合计 Total,2,3,/);
  // A bank named like a formula is text in the spreadsheet.
  const byBank = await get('manager', `/survey/funnel?${range}&groupBy=bank&format=csv`);
  expect(byBank.text).toContain(`\r\n${net},"'=1+1漏斗测试银行 Funnel test bank",2,3,`);

  const badGroup = await get('manager', `/survey/funnel?${range}&groupBy=firm`);
  expect([badGroup.status, badGroup.body.detail]).toEqual([422, 'groupBy: must be street, community, team, bank or event']);
  const backwards = await get('manager', `/survey/funnel?from=${today}&to=${addDays(today, -1)}`);
  expect([backwards.status, backwards.body.detail]).toEqual([422, 'to: must not be before from']);
});

// The cadence reports carry the funnel of their period (docs/processes.md): 2025-05-13, a Tuesday
// no other test writes visits on, is the period of the daily board of the 14th. A visit is made now
// and moved to that day, as the board tests write finished cases' projections.
describe('in the daily board (日晾晒)', () => {
  const day = '2025-05-13';
  const lujiangOn = async () => {
    const res = await get('manager', `/survey/funnel?from=${day}&to=${day}&groupBy=street`);
    expect(res.status).toBe(200);
    return res.body as { overall: object; groups: { code: string; firmsVisited: number; needsFound: number }[] };
  };
  const madeOn = async (outcome: object) => {
    const { id } = (await visit(`${net}-b2`, `厦门漏斗晾晒${++firmSeq}有限公司`, outcome)) as unknown as { id: string };
    await stack.db.visit.update({ where: { visitId: id }, data: { visitedAt: shanghaiDateTime(day, '10:00') } });
  };

  it('counts a need found in the period, by street and for the district, and keeps the figures it was generated with', async () => {
    const before = (await lujiangOn()).groups.find((g) => g.code === 'lujiang')?.needsFound ?? 0;
    await madeOn(need);
    expect((await send('post', 'operator', '/reports/daily/runs', { date: '2025-05-14' })).status).toBe(201);

    const read = async () => (await get('manager', '/reports/daily-2025-05-14')).body;
    const report = await read();
    const now = await lujiangOn();
    const lujiang = report.funnel.byStreet.find((g: { code: string }) => g.code === 'lujiang');
    expect(lujiang.needsFound).toBe(before + 1);
    // The same arithmetic as the funnel's own route, for the street and the district.
    expect(lujiang).toEqual(now.groups.find((g) => g.code === 'lujiang'));
    expect(report.funnel.overall).toEqual(now.overall);

    // A visit moved into the period afterwards changes the funnel, not the published board.
    await madeOn({ outcome: 'NO_NEED', note: '暂无需求' });
    expect((await lujiangOn()).groups.find((g) => g.code === 'lujiang')!.firmsVisited).toBe(lujiang.firmsVisited + 1);
    expect((await read()).funnel).toEqual(report.funnel);

    const lines = (await get('manager', '/reports/daily-2025-05-14?format=csv', 'text/csv')).text.split('\r\n');
    const section = lines.indexOf('摸排漏斗（按街道） Survey funnel by street');
    expect(section).toBeGreaterThan(0);
    expect(lines.slice(section).find((l) => l.startsWith('lujiang,'))).toMatch(new RegExp(`^lujiang,${lujiang.nameZh} ${lujiang.nameEn},${lujiang.buildingsWalked},${lujiang.firmsVisited},${before + 1},`));
  });
});
