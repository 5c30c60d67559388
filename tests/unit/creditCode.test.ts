import { checkCreditCode, expectedCheckCharacter } from '../../domain/creditCode';
import { validSimingCode } from '../support/creditCodes';

describe('checkCreditCode', () => {
  it('accepts a published code whose check characters hold', () => {
    expect(checkCreditCode('91110000600037341L')).toEqual({ ok: true, code: '91110000600037341L', regionCode: '110000', warnings: [] });
  });

  it('normalises case and surrounding spaces and reads the region', () => {
    const code = validSimingCode('MA31W6J7');
    expect(checkCreditCode(` ${code.toLowerCase()} `)).toMatchObject({ ok: true, code, regionCode: '350203', warnings: [] });
  });

  it.each([
    ['9111000060003734', 'must be 18 characters, got 16'],
    ['91110000600037341LX', 'must be 18 characters, got 19'],
    ['9111000060003734IL', "character 17 ('I') is not allowed"],
    ['91110000600037341O', "character 18 ('O') is not allowed"],
    ['9111000060003734-L', "character 17 ('-') is not allowed"],
  ])('rejects the malformed %s', (code, message) => {
    const r = checkCreditCode(code);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it('warns, without rejecting, when only the position-18 check character fails', () => {
    const good = validSimingCode('MA31W6J7');
    const wrongLast = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkCreditCode(wrongLast)).toMatchObject({ ok: true, warnings: ['CHECK_CHARACTER_MISMATCH'] });
  });

  it('warns when the embedded GB 11714 organisation code check fails', () => {
    const good = validSimingCode('MA31W6J7');
    const first17 = good.slice(0, 16) + (good[16] === '0' ? '1' : '0');
    const code = first17 + expectedCheckCharacter(first17);
    expect(checkCreditCode(code)).toMatchObject({ ok: true, warnings: ['ORGANISATION_CODE_CHECK_MISMATCH'] });
  });
});
