import { formatFen, formatWan, parseCnyToFen } from '../../domain/money';

describe('parseCnyToFen', () => {
  it.each([
    ['5140000', 514_000_000],
    ['5140000.00', 514_000_000],
    ['1200000.5', 120_000_050],
    ['0.01', 1],
    ['0.1', 10],
  ])('reads %s CNY as %d fen exactly', (text, fen) => {
    expect(parseCnyToFen(text)).toBe(fen);
  });

  it.each(['', '1.001', '-5', '01', '1e6', '1,000', ' 1', '1.', '.5', '1234567890123'])('refuses %j', (text) => {
    expect(parseCnyToFen(text)).toBeUndefined();
  });

  it('has no floating-point drift on amounts that break binary fractions', () => {
    expect(parseCnyToFen('0.29')).toBe(29);
    expect(parseCnyToFen('1234567.89')).toBe(123_456_789);
  });
});

describe('formatting', () => {
  it('prints fen as a two-decimal CNY string and as 万元', () => {
    expect(formatFen(514_000_000)).toBe('5140000.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatWan(514_000_000)).toBe('514万元');
    expect(formatWan(120_000_000)).toBe('120万元');
    expect(formatWan(123_450_000)).toBe('123.45万元');
  });
});
