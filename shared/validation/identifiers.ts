/**
 * Kazakhstan's IIN (individual identification number) and BIN (business identification number):
 * 12 digits, the last a check digit by the official two-pass weighted algorithm.
 */

const firstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const secondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedRemainder(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/**
 * The check digit for the first 11 digits, or undefined when both passes give 10: such a number is
 * never issued.
 */
export function identifierCheckDigit(first11: string): number | undefined {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('Expected 11 digits');
  const digits = Array.from({ length: 11 }, (_, i) => first11.charCodeAt(i) - 48);
  const first = weightedRemainder(digits, firstWeights);
  if (first !== 10) return first;
  const second = weightedRemainder(digits, secondWeights);
  return second === 10 ? undefined : second;
}

/** True for 12 digits whose last digit is the check digit of the first 11 (IIN and BIN alike). */
export function isValidIdentifier(text: string): boolean {
  if (!/^\d{12}$/.test(text)) return false;
  return identifierCheckDigit(text.slice(0, 11)) === Number(text[11]);
}
