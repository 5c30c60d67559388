// The banks and branches the seed does not name are loaded from a CSV: each row by the rules of
// its PUT (retired entries, stations), one bad row refuses the import and writes nothing unless
// asked to skip it, and loading the same CSV again changes nothing.
import request from 'supertest';
import { bearer } from '../support/auth';
import { useStack } from '../support/stack';

const stack = useStack();
const run = Date.now().toString(36);
const bank = `imp-${run}`;
const csvOf = (...rows: string[]) => ['银行,网点,中文名称,英文名称,驻点街道,停用', ...rows].join('\n');
const CSV = csvOf(`${bank},,导入测试银行,Import test bank,,`, `${bank},${bank}-binhai,导入测试银行滨海支行,Import test Binhai sub-branch,binhai;kaiyuan,否`, `${bank},${bank}-zhonghua,导入测试银行中华支行,Import test Zhonghua sub-branch,zhonghua,`);

const importAs = async (who: string, body: object) => request(stack.app).post('/api/v1/bank-imports').set('authorization', await bearer(who)).send(body);
const bankView = async (code: string) => (await request(stack.app).get('/api/v1/banks').set('authorization', await bearer('manager'))).body.items.find((b: { code: string }) => b.code === code);
const auditOf = (subjects: string[]) => stack.db.auditEntry.findMany({ where: { subject: { in: subjects } }, orderBy: { id: 'asc' } });

it('creates a bank and its branches stationed at their streets, audited as their PUTs', async () => {
  const res = await importAs('survey-group', { csv: CSV });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    rows: 3,
    written: { created: 3, changed: 0, unchanged: 0 },
    skipped: [],
    entries: [
      { row: 1, kind: 'BANK', code: bank, bank, result: 'CREATED' },
      { row: 2, kind: 'BRANCH', code: `${bank}-binhai`, bank, result: 'CREATED' },
      { row: 3, kind: 'BRANCH', code: `${bank}-zhonghua`, bank, result: 'CREATED' },
    ],
  });
  expect(await bankView(bank)).toMatchObject({
    nameZh: '导入测试银行',
    retiredAt: null,
    branches: [
      { code: `${bank}-binhai`, stations: ['binhai', 'kaiyuan'], streetCode: 'binhai' },
      { code: `${bank}-zhonghua`, stations: ['zhonghua'] },
    ],
  });
  const audit = await auditOf([`bank:${bank}`, `bank-branch:${bank}-binhai`, `bank-branch:${bank}-zhonghua`]);
  expect(audit.map((a) => [a.actor, a.action, a.subject])).toEqual([
    ['survey-group', 'SURVEY_NETWORK_CREATED', `bank:${bank}`],
    ['survey-group', 'SURVEY_NETWORK_CREATED', `bank-branch:${bank}-binhai`],
    ['survey-group', 'SURVEY_NETWORK_CREATED', `bank-branch:${bank}-zhonghua`],
  ]);
});

it('changes nothing when the same CSV comes again, and only what differs when a row does', async () => {
  const again = await importAs('operator', { csv: CSV });
  expect(again.body.written).toEqual({ created: 0, changed: 0, unchanged: 3 });
  const moved = await importAs('task-force', { csv: CSV.replace('binhai;kaiyuan,否', 'binhai,否') });
  expect(moved.body.written).toEqual({ created: 0, changed: 1, unchanged: 2 });
  expect((await bankView(bank)).branches[0].stations).toEqual(['binhai']);
  expect((await auditOf([`bank:${bank}`, `bank-branch:${bank}-binhai`, `bank-branch:${bank}-zhonghua`])).map((a) => a.action)).toEqual([
    'SURVEY_NETWORK_CREATED',
    'SURVEY_NETWORK_CREATED',
    'SURVEY_NETWORK_CREATED',
    'SURVEY_NETWORK_CHANGED',
  ]);
});

it('refuses every row that breaks its PUT’s schema or rules, naming row and column, and writes nothing', async () => {
  const other = `${bank}-other`;
  const bad = csvOf(
    `${other},,另一测试银行,Another test bank,,`,
    `${other},${other}-1,另一测试支行,Another sub-branch,nowhere,`,
    `nobank-${run},nobank-${run}-1,无此银行支行,No such bank sub-branch,binhai,`,
    `${other},xib-siming,冒用支行,Borrowed branch,lujiang,`,
    `${other},,重复银行,Repeated bank,,`,
    `${bank},,导入测试银行,Import test bank,,是`,
    `Bad Code,,,Unnamed,,`,
  );
  const res = await importAs('survey-group', { csv: bad });
  expect(res.status).toBe(422);
  expect(res.body.errors).toEqual([
    { field: 'rows.5.bank', message: 'repeats row 1: one row per bank or branch' },
    { field: 'rows.7.bank', message: 'must be 2-40 lower-case letters, digits and -, starting with a letter or digit' },
    { field: 'rows.7.nameZh', message: 'is required' },
  ]);
  // The schema's refusals answer before any rule is tried: fix them and the rules speak.
  const rules = await importAs('survey-group', { csv: bad.split('\n').slice(0, 5).concat(bad.split('\n')[6]!).join('\n') });
  expect(rules.status).toBe(422);
  expect(rules.body.errors).toEqual([
    { field: 'rows.2.stations', message: "unknown street 'nowhere'; see GET /api/v1/streets" },
    { field: 'rows.3.bank', message: 'unknown bank; add a row for it before its branches, or see GET /api/v1/banks' },
    { field: 'rows.4', message: '网点 xib-siming 属于银行 xib，不能改属其他银行。 branch xib-siming belongs to bank xib' },
    { field: 'rows.5', message: `银行 ${bank} 仍有在用的网点，请先停用这些网点。 bank ${bank} still has branches in use; retire them first` },
  ]);
  // Nothing of it was written, not even the good first row.
  expect(await bankView(other)).toBeUndefined();
  expect(await bankView(bank)).toMatchObject({ retiredAt: null });
  expect(await bankView('xib')).toMatchObject({ retiredAt: null });
});

it('with skipBadRows writes the good rows and lists the bad; branches retired first let their bank retire', async () => {
  const retire = csvOf(
    `${bank},${bank}-binhai,导入测试银行滨海支行,Import test Binhai sub-branch,binhai,是`,
    `${bank},${bank}-zhonghua,导入测试银行中华支行,Import test Zhonghua sub-branch,zhonghua,是`,
    `${bank},,导入测试银行,Import test bank,,是`,
    `${bank},${bank}-new,导入测试银行新支行,Import test new sub-branch,binhai,`,
  );
  const res = await importAs('operator', { csv: retire, skipBadRows: true });
  expect(res.status).toBe(200);
  expect(res.body.written).toEqual({ created: 0, changed: 3, unchanged: 0 });
  expect(res.body.skipped).toEqual([{ row: 4, errors: [{ field: 'rows.4', message: `银行 ${bank} 已停用。 bank ${bank} is retired` }] }]);
  expect(await bankView(bank)).toMatchObject({ retiredAt: expect.any(String), branches: [{ stations: [], retiredAt: expect.any(String) }, { retiredAt: expect.any(String) }] });
  expect((await bankView(bank)).branches).toHaveLength(2);
});

it('refuses a header it cannot read, and anyone but the network’s keepers', async () => {
  const res = await importAs('survey-group', { csv: `bank,name\n${bank},x` });
  expect(res.body.errors).toEqual([
    { field: 'csv', message: "column 'name' is not one of bank, branch, nameZh, nameEn, stations, retired (or their Chinese names)" },
    { field: 'csv', message: "the header names no 'nameZh' (中文名称) column" },
    { field: 'csv', message: "the header names no 'nameEn' (英文名称) column" },
  ]);
  for (const who of ['lujiang-officer', 'xib-manager', 'manager']) expect((await importAs(who, { csv: CSV })).status).toBe(403);
});
