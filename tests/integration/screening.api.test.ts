// The screening track of the visit list: a street officer imports firms with indicators (信易贷 or
// tax data) as CSV, the model flags the likely needs with their reasons, and the flagged firms
// join the visit list of whoever reaches them; a bad row refuses the import unless asked to skip
// it, and importing the same CSV again changes nothing.
import request from 'supertest';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();
const run = String(Date.now() % 10_000).padStart(4, '0');
const IN_BUILDING = validSimingCode(`MC${run}01`);
const NO_BUILDING = validSimingCode(`MC${run}02`);
const WELL = validSimingCode(`MC${run}03`);
const mine = new Set([IN_BUILDING, NO_BUILDING, WELL]);
const valid = validSimingCode(`MC${run}04`);
const PILOT = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');

const CSV = [
  '统一社会信用代码,企业名称,楼宇,营收同比变化%,欠税欠费元,社保人数同比变化%,90天内到期贷款元,近期被拒贷',
  `${IN_BUILDING},厦门鹭江筛查装饰有限公司,lujiang-01-b1,-8,,,600000,否`,
  `${NO_BUILDING},厦门鹭江筛查贸易有限公司,,-35.5,20000,-20,,是`,
  `${WELL},厦门鹭江稳健科技有限公司,,12,0,5,100000,否`,
].join('\n');

const importAs = async (who: string, street: string, body: object) =>
  request(stack.app).post(`/api/v1/streets/${street}/screening-imports`).set('authorization', await bearer(who)).send(body);
const screeningOf = async (who: string) => {
  const res = await request(stack.app).get('/api/v1/visit-list').set('authorization', await bearer(who)).expect(200);
  return res.body as { screening: { creditCode: string; firmId: string | null; reasons: { signal: string; text: string }[]; track: string }[]; items: { building: { code: string }; firms: { id: string; creditCode: string }[] }[] };
};
const screenedCodes = async (who: string) => (await screeningOf(who)).screening.map((s) => s.creditCode).filter((c) => mine.has(c));
const screenedCount = () => stack.db.screenedFirm.count({ where: { creditCode: { in: [...mine, PILOT] } } });

describe('a street officer imports the street’s screening data', () => {
  it('screens every row, states each flag’s reasons with input and threshold, and writes the firms', async () => {
    const res = await importAs('lujiang-officer', 'lujiang', { csv: CSV, source: '信易贷 2026-11' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ street: 'lujiang', source: '信易贷 2026-11', rows: 3, written: { created: 3, changed: 0, unchanged: 0 }, flagged: 2, skipped: [] });
    const [inBuilding, noBuilding, well] = res.body.firms;
    expect(inBuilding).toMatchObject({ row: 1, creditCode: IN_BUILDING, building: 'lujiang-01-b1', flagged: true, points: 3 });
    expect(inBuilding.reasons).toEqual([
      expect.objectContaining({ signal: 'LOANS_MATURING', input: '60万元', threshold: '≥ 50万元', text: expect.stringMatching(/^90天内到期贷款 60万元，达到 50万元 的阈值.* loans of 60万元 fall due within 90 days/) }),
    ]);
    expect(noBuilding).toMatchObject({ flagged: true, points: 8 });
    expect(noBuilding.reasons.map((r: { signal: string; input: string }) => [r.signal, r.input])).toEqual([
      ['CREDIT_REFUSED', '是 yes'],
      ['ARREARS', '2万元'],
      ['REVENUE_DROP', '-35.50%'],
      ['HEADCOUNT_DROP', '-20.00%'],
    ]);
    expect(well).toMatchObject({ flagged: false, points: 0, reasons: [] });
    const audit = await stack.db.auditEntry.findFirstOrThrow({ where: { subject: 'street:lujiang:screening', actor: 'lujiang-officer' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ action: 'SCREENING_IMPORTED', after: expect.objectContaining({ rows: 3, created: 3, flagged: 2 }) });
  });

  it('puts the flagged firms on the visit list as screening-track entries, each reader within their reach', async () => {
    const visitor = await screeningOf('lujiang-visitor');
    // The team walks the building the import named: that firm is on its list, with its reasons, and on the building's.
    const entry = visitor.screening.find((s) => s.creditCode === IN_BUILDING)!;
    expect(entry).toMatchObject({ track: 'SCREENING', firmId: expect.any(String), reasons: [{ signal: 'LOANS_MATURING' }] });
    expect(visitor.items.find((i) => i.building.code === 'lujiang-01-b1')!.firms.map((f) => f.id)).toContain(entry.firmId);
    expect(await screenedCodes('lujiang-visitor')).toEqual([IN_BUILDING]);
    expect(await screenedCodes('lujiang-community')).toEqual([IN_BUILDING]);
    // The street's officers, the bank stationed there and the district see both flagged firms (the stronger first), never the unflagged one.
    for (const who of ['lujiang-officer', 'lujiang-grid', 'xib-manager', 'survey-group', 'manager']) expect(await screenedCodes(who)).toEqual([NO_BUILDING, IN_BUILDING]);
    expect(await screenedCodes('lianqian-officer')).toEqual([]);
    // A bank reads them exactly when one of its branches is stationed at 鹭江 (other files may station 建设银行 there).
    const ccbCodes = await screenedCodes('ccb-manager');
    const { body: banks } = await request(stack.app).get('/api/v1/banks').set('authorization', await bearer('ccb-manager')).expect(200);
    const ccbAtLujiang = banks.items.find((b: { code: string }) => b.code === 'ccb').branches.some((b: { stations: string[]; retiredAt: string | null }) => !b.retiredAt && b.stations.includes('lujiang'));
    expect(ccbCodes).toEqual(ccbAtLujiang ? [NO_BUILDING, IN_BUILDING] : []);

    // The team records a visit to the firm the model flagged, as to any firm on its list.
    const visit = await request(stack.app).post('/api/v1/visits').set('authorization', await bearer('lujiang-visitor')).send({ firmId: entry.firmId, outcome: 'NO_NEED', note: '已续贷' });
    expect(visit.status).toBe(201);
  });

  it('imports the same CSV again without changing anything', async () => {
    const surveyFirms = await stack.db.surveyFirm.count({ where: { creditCode: IN_BUILDING } });
    const res = await importAs('survey-group', 'lujiang', { csv: CSV });
    expect(res.body).toMatchObject({ rows: 3, written: { created: 0, changed: 0, unchanged: 3 }, flagged: 2 });
    expect(await screenedCount()).toBe(3);
    expect(await stack.db.surveyFirm.count({ where: { creditCode: IN_BUILDING } })).toBe(surveyFirms);
    // A firm's new figures change it: it is flagged no more and leaves the list.
    const better = CSV.replace(',-8,,,600000,否', ',-8,,,0,否');
    const changed = await importAs('survey-group', 'lujiang', { csv: better });
    expect(changed.body).toMatchObject({ written: { created: 0, changed: 1, unchanged: 2 }, flagged: 1 });
    expect(await screenedCodes('lujiang-officer')).toEqual([NO_BUILDING]);
  });

  it('refuses the whole import for one bad row, naming row and column, and writes nothing', async () => {
    const before = await stack.db.auditEntry.count({ where: { subject: 'street:lujiang:screening' } });
    const bad = `${CSV}\n${PILOT},厦门鹭江试点企业,,abc,-5,,,也许\n${WELL},重复的企业,nowhere-b1,,,,,`;
    const res = await importAs('lujiang-officer', 'lujiang', { csv: bad });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([
      { field: 'rows.4.revenueChangePct', message: 'must be a percentage such as -35 or 12.5' },
      { field: 'rows.4.arrearsYuan', message: 'must be an amount of yuan such as 600000 or 1234.50' },
      { field: 'rows.4.refusedRecently', message: 'must be 是/否 (yes/no)' },
      { field: 'rows.5.creditCode', message: 'repeats row 3: one row per firm' },
    ]);
    expect(await stack.db.auditEntry.count({ where: { subject: 'street:lujiang:screening' } })).toBe(before);

    // A pilot code is refused until confirmed; with skipBadRows the good rows go on and the bad ones are listed.
    const pilotRow = `${PILOT},厦门鹭江试点企业,,-50,,,,是`;
    const skipping = await importAs('lujiang-officer', 'lujiang', { csv: `${CSV}\n${pilotRow}\n${WELL},重复的企业,,,,,,`, skipBadRows: true });
    expect(skipping.status).toBe(200);
    expect(skipping.body.skipped).toEqual([
      { row: 4, errors: [{ field: 'rows.4.creditCode', message: expect.stringMatching(/^fails CHECK_CHARACTER_MISMATCH; after checking the business licence/) }] },
      { row: 5, errors: [{ field: 'rows.5.creditCode', message: 'repeats row 3: one row per firm' }] },
    ]);
    expect(await screenedCount()).toBe(3);
    const confirmed = await importAs('lujiang-officer', 'lujiang', { csv: `${CSV}\n${pilotRow}`, confirmCreditCodeWarnings: true });
    expect(confirmed.body).toMatchObject({ written: { created: 1 }, flagged: 3 });
    expect(await stack.db.auditEntry.count({ where: { subject: `firm:${PILOT}`, action: 'CREDIT_CODE_OVERRIDE_CONFIRMED' } })).toBe(1);
  });

  it('refuses a header it cannot read, and a street outside the caller’s reach is 404', async () => {
    const header = await importAs('lujiang-officer', 'lujiang', { csv: `creditCode,firm,revenue\n${WELL},x,1` });
    expect(header.body.errors).toEqual([
      { field: 'csv', message: expect.stringMatching(/^column 'firm' is not one of creditCode, name, building/) },
      { field: 'csv', message: expect.stringMatching(/^column 'revenue' is not one of/) },
      { field: 'csv', message: "the header names no 'name' (企业名称) column" },
    ]);
    expect((await importAs('lianqian-officer', 'lujiang', { csv: CSV })).status).toBe(404);
    expect((await importAs('survey-group', 'nowhere', { csv: CSV })).status).toBe(404);
    expect((await importAs('xib-manager', 'lujiang', { csv: CSV })).status).toBe(403);
  });
});
