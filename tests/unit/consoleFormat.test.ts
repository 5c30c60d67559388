// The console shows money from integer fen and rates from basis points exactly, as the scoring
// and the limit computed them (no floating-point yuan on the way).
import { formatBp, formatWorkingDays, formatYuan } from '../../web/src/format';

it('shows fen as yuan with thousands separators, exactly', () => {
  expect(formatYuan(120_000_000)).toBe('1,200,000.00');
  expect(formatYuan(75_000_000)).toBe('750,000.00');
  expect(formatYuan(1_000_000_000_01)).toBe('1,000,000,000.01');
  expect(formatYuan(99)).toBe('0.99');
  expect(formatYuan(0)).toBe('0.00');
});

it('shows basis points as a percentage without trailing zeros', () => {
  expect([5_000, 12_500, 8_750, 365, 1_050, 10, 0].map(formatBp)).toEqual(['50%', '125%', '87.5%', '3.65%', '10.5%', '0.1%', '0%']);
});

it('shows a median in working days, and under one working day in hours too, so minutes never read as 0', () => {
  expect([0, 0.001, 0.042, 0.5, 1, 1.083, 12].map((d) => formatWorkingDays(d, 'zh-CN'))).toEqual([
    '0 个工作日',
    '<0.01 个工作日（<0.1 小时）',
    '0.04 个工作日（1.0 小时）',
    '0.5 个工作日（12.0 小时）',
    '1 个工作日',
    '1.08 个工作日',
    '12 个工作日',
  ]);
  expect(formatWorkingDays(0.25, 'en')).toBe('0.25 working days (6.0 h)');
});
