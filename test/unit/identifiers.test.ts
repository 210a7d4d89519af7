import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierCheckDigit, isValidIdentifier } from '../../shared/validation/identifiers.js';

describe('IIN and BIN check digits (two-pass weighted algorithm)', () => {
  it('accepts a number whose first pass gives the check digit', () => {
    // 9·1 + 0·2 + 0·3 + 1·4 + 0·5 + 1·6 + 3·7 + 0·8 + 0·9 + 0·10 + 1·11 = 51; 51 mod 11 = 7
    expect(isValidIdentifier('900101400013')).toBe(true);
    expect(isValidIdentifier('900101300018')).toBe(false);
    // A BIN: 1+8+0+32+20+0+0+0+9+20+33 = 123; 123 mod 11 = 2
    expect(isValidIdentifier('140840001232')).toBe(true);
  });

  it('uses the second weights when the first pass gives 10', () => {
    // First pass: 1·10 = 10 → second pass with weights 3,4,…,11,1,2: 1·1 = 1
    expect(identifierCheckDigit('00000000010')).toBe(1);
    expect(isValidIdentifier('000000000101')).toBe(true);
    expect(isValidIdentifier('000000000100')).toBe(false);
  });

  it('rejects every number whose two passes both give 10: never issued', () => {
    // First: 2·9 + 8·10 + 1·11 = 109 ≡ 10; second: 2·11 + 8·1 + 1·2 = 32 ≡ 10
    expect(identifierCheckDigit('00000000281')).toBeUndefined();
    for (let digit = 0; digit <= 9; digit++)
      expect(isValidIdentifier(`00000000281${digit}`)).toBe(false);
  });

  it('rejects anything but 12 digits', () => {
    for (const text of [
      '',
      '90010130001',
      '9001014000130',
      '90010130001a',
      ' 900101400013',
      '９００１０１３０００１７',
    ]) {
      expect(isValidIdentifier(text)).toBe(false);
    }
  });

  it('exactly one last digit completes any 11 digits, none when both passes give 10', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (first11) => {
        const valid = Array.from({ length: 10 }, (_, d) => String(d)).filter((last) =>
          isValidIdentifier(`${first11}${last}`),
        );
        const check = identifierCheckDigit(first11);
        expect(valid).toEqual(check === undefined ? [] : [String(check)]);
      }),
    );
  });
});
