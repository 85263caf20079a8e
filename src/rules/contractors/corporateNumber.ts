/**
 * 法人番号 (corporate number) check: 13 digits, the first of which is a check digit over the other
 * twelve. Source: 国税庁「法人番号の指定等に関する省令」第2条 (the formula as published on the
 * 国税庁法人番号公表サイト「法人番号の構成」):
 *
 *   検査用数字 = 9 − ( Σ_{n=1}^{12} Pn × Qn を 9 で除した余り )
 *   Pn: 基礎番号（検査用数字を除いた 12 桁）の最下位の桁を 1 桁目としたときの n 桁目の数字
 *   Qn: n が奇数のとき 1、偶数のとき 2
 *
 * Pure: used by the 委託先 register (SPEC M7, issue 13) on the server and in the web form.
 */

/** Why a 法人番号 was refused; null when it is well formed. */
export type CorporateNumberProblem = 'not_13_digits' | 'check_digit';

/** The check digit (1–9) of the 12-digit 基礎番号 `base`. */
export function corporateNumberCheckDigit(base: string): number {
  if (!/^\d{12}$/.test(base)) throw new Error('corporateNumberCheckDigit: the base must be 12 digits');
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/**
 * Checks a 法人番号 as typed (half-width digits only: the caller normalizes full-width digits and
 * says so). Returns null when valid, otherwise the problem.
 *
 * @example
 * corporateNumberProblem('7000012050002') // → null
 * corporateNumberProblem('8000012050002') // → 'check_digit'
 */
export function corporateNumberProblem(value: string): CorporateNumberProblem | null {
  if (!/^\d{13}$/.test(value)) return 'not_13_digits';
  return Number(value[0]) === corporateNumberCheckDigit(value.slice(1)) ? null : 'check_digit';
}

/** The Japanese message for a problem, naming the field. */
export function corporateNumberMessage(problem: CorporateNumberProblem, label = '法人番号'): string {
  return problem === 'not_13_digits' ? `${label}は13桁の数字で入力してください` : `${label}の検査用数字（先頭の1桁）が合いません。番号を確かめてください`;
}
