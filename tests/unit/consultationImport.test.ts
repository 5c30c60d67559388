// The console's batch import reads pasted CSV and checks each row with the API's own schema:
// a row the API would refuse is marked on its row and column, with the API's message, before
// anything is sent; a pilot code counts only once confirmed.
import { fieldErrors } from '../../api/problem';
import { StartBatchBody } from '../../api/schemas';
import { parseCsv } from '../../domain/csv';
import { addErrors, bodyOf, checkBatch, readRows, reasonsOf } from '../../web/src/batchRows';
import { validSimingCode } from '../support/creditCodes';

const STREETS = [
  { code: 'lujiang', nameZh: '鹭江街道', nameEn: 'Lujiang' },
  { code: 'lianqian', nameZh: '莲前街道', nameEn: 'Lianqian' },
];
const good = validSimingCode('MA7KMP01');
const pilot = (() => {
  const c = validSimingCode('MA7KMP02');
  return c.slice(0, 17) + (c[17] === '0' ? '1' : '0');
})();

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and new lines; skips a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFa,"b, ""c""",d\r\n\r\n"x\ny",2,3\n')).toEqual([
      ['a', 'b, "c"', 'd'],
      ['x\ny', '2', '3'],
    ]);
  });
});

describe('readRows', () => {
  it('skips a header, maps streets by name and reasons by their Chinese names with notes', () => {
    const rows = readRows(`企业名称,统一社会信用代码,街道,拒贷金额,资金用途,拒贷原因\n厦门甲有限公司,${good.toLowerCase()},鹭江街道,800000,流动资金,信用评级低；其他：行业集中度\n`, STREETS);
    expect(rows).toEqual([
      {
        line: 2,
        firm: { name: '厦门甲有限公司', creditCode: good, street: 'lujiang', amount: '800000', purpose: '流动资金', reasons: [{ code: 'LOW_CREDIT_RATING' }, { code: 'OTHER', note: '行业集中度' }] },
        warnings: [],
      },
    ]);
  });

  it('reads reasons as codes too, one per line', () => {
    expect(reasonsOf('HIGH_DEBT_RATIO\n营收未达门槛')).toEqual([{ code: 'HIGH_DEBT_RATIO' }, { code: 'REVENUE_BELOW_THRESHOLD' }]);
  });
});

describe('checkBatch', () => {
  const csv = [`厦门甲有限公司,${good},lujiang,800000,流动资金,信用评级低`, `厦门乙有限公司,${pilot},莲前,1000000.50,设备,营收未达门槛`, `,ABC,nowhere,-5,,不知道`].join('\n');
  const rows = readRows(csv, STREETS);

  it('marks each column of each row the API would refuse, with the API’s messages', () => {
    const check = checkBatch('xib', rows, STREETS, new Set());
    expect(check.rows.has(0)).toBe(false);
    expect(check.rows.get(1)).toEqual({ creditCode: 'fails CHECK_CHARACTER_MISMATCH' });
    expect(check.rows.get(2)).toMatchObject({
      name: 'is required',
      creditCode: 'must be 18 characters, got 3',
      street: "unknown street 'nowhere'",
      amount: expect.stringMatching(/^must be a CNY amount/),
      purpose: 'is required',
      reasons: expect.any(String),
    });
    // The same messages the API answers for the same body.
    const api = StartBatchBody.safeParse(bodyOf('xib', rows, new Set()));
    const apiFields = fieldErrors(api.error!).map((e) => e.field);
    expect(apiFields.filter((f) => f.startsWith('firms.2.')).length).toBeGreaterThanOrEqual(5);
  });

  it('takes a pilot code once its row is confirmed, and sends the confirmation for that firm only', () => {
    const two = rows.slice(0, 2);
    expect(checkBatch('xib', two, STREETS, new Set([1]))).toEqual({ rows: new Map(), batch: [] });
    expect(bodyOf('xib', two, new Set([1])).firms.map((f) => f.confirmCreditCodeWarnings)).toEqual([false, true]);
  });

  it('names the bank and a firm listed twice apart from the rows', () => {
    const check = checkBatch('', [rows[0]!, rows[0]!], STREETS, new Set());
    expect(check.bank).toBe('is required');
    expect(check.batch).toEqual(['lists a firm (credit code) twice']);
  });

  it('puts the API’s problem+json errors on their rows', () => {
    const check = addErrors({ rows: new Map(), batch: [] }, [
      { field: 'firms.1.creditCode', message: 'fails CHECK_CHARACTER_MISMATCH' },
      { field: 'firms.0.reasons.0.code', message: 'bad' },
      { field: 'bank', message: "unknown bank 'x'" },
    ]);
    expect(check).toEqual({ rows: new Map([[1, { creditCode: 'fails CHECK_CHARACTER_MISMATCH' }], [0, { reasons: 'bad' }]]), bank: "unknown bank 'x'", batch: [] });
  });
});
