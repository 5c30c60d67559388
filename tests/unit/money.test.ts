import fc from 'fast-check';
import { MAX_AMOUNT_FEN, formatFen, formatWan, parseCnyToFen, parseWanToFen } from '../../domain/money';

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

describe('parseWanToFen', () => {
  it.each([
    ['514', 514_000_000],
    ['12.5', 12_500_000],
    ['0.000001', 1],
    ['100.05', 100_050_000],
  ])('reads %s万元 as %d fen exactly', (text, fen) => {
    expect(parseWanToFen(text)).toBe(fen);
  });

  it.each(['', '514万', '1.0000001', '-5', '01', '1e3', ' 1', '.5'])('refuses %j', (text) => {
    expect(parseWanToFen(text)).toBeUndefined();
  });
});

/** What a reader takes an amount for, in fen, done in decimal text (no floating point). */
function readBack(shown: string): number | undefined {
  if (!shown.endsWith('万元')) return parseCnyToFen(shown.slice(0, -1));
  const [whole, fraction = ''] = shown.slice(0, -2).split('.');
  return Number(whole) * 1_000_000 + Number(fraction.padEnd(2, '0')) * 10_000;
}

describe('formatting', () => {
  it('prints fen as a two-decimal CNY string and as 万元', () => {
    expect(formatFen(514_000_000)).toBe('5140000.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatWan(514_000_000)).toBe('514万元');
    expect(formatWan(120_000_000)).toBe('120万元');
    expect(formatWan(123_450_000)).toBe('123.45万元');
    expect(formatWan(123_400_000)).toBe('123.4万元');
    expect(formatWan(100_050_000)).toBe('100.05万元');
    expect(formatWan(90_000)).toBe('0.09万元');
  });

  it('never rounds: an amount 万 cannot show exactly is shown in yuan to the fen', () => {
    expect(formatWan(514_000_050)).toBe('5140000.50元');
    expect(formatWan(514_001_000)).toBe('5140010.00元');
    expect(formatWan(1)).toBe('0.01元');
  });

  it('shows every amount exactly: reading it back gives the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_FEN }), (fen) => {
        const shown = formatWan(fen);
        expect(readBack(shown)).toBe(fen);
      }),
    );
  });
});
