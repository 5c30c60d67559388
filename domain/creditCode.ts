// Unified Social Credit Code (统一社会信用代码, GB 32100-2015).

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS_USCC = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714 organisation code: 8 body characters then a check character.
const WEIGHTS_ORG = [3, 7, 9, 10, 5, 8, 4, 2];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type CreditCodeWarning = 'CHECK_CHARACTER_MISMATCH' | 'ORGANISATION_CODE_CHECK_MISMATCH';

export type CreditCodeResult =
  | { ok: true; code: string; regionCode: string; warnings: CreditCodeWarning[] }
  | { ok: false; message: string };

/** GB 32100 check character (position 18) of the first 17 characters. */
export function expectedCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + CHARSET.indexOf(ch) * WEIGHTS_USCC[i], 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character of an organisation code's 8-character body. */
export function expectedOrganisationCheckCharacter(body8: string): string {
  // GB 11714 values: digits as themselves, letters A=10 … Z=35.
  const value = (ch: string) => (ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55);
  const sum = [...body8].reduce((acc, ch, i) => acc + value(ch) * WEIGHTS_ORG[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Malformed codes (length, character set) are rejected. A failed check
 * character is only a warning: codes issued in the early Fujian/Xiamen pilot
 * fail it yet are real, so an officer confirms them instead.
 */
export function checkCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) {
    return { ok: false, message: `must be 18 characters, got ${code.length}` };
  }
  if (!FORMAT.test(code)) {
    const bad = [...code].findIndex((ch) => !CHARSET.includes(ch));
    return {
      ok: false,
      message: `character ${bad + 1} ('${code[bad]}') is not allowed; use 0-9 and A-Z without I, O, Z, S, V`,
    };
  }
  const warnings: CreditCodeWarning[] = [];
  if (expectedOrganisationCheckCharacter(code.slice(8, 16)) !== code[16]) warnings.push('ORGANISATION_CODE_CHECK_MISMATCH');
  if (expectedCheckCharacter(code.slice(0, 17)) !== code[17]) warnings.push('CHECK_CHARACTER_MISMATCH');
  return { ok: true, code, regionCode: code.slice(2, 8), warnings };
}
