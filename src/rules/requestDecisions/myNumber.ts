/**
 * 個人番号（マイナンバー）の検出 — J.10.2 h 2: 本人確認で個人番号・本籍を見た場合も記録には残さない
 * (「見た、マスクした」だけを記録する). A free-text field of a request that contains a 12-digit number
 * passing the 個人番号 check digit (行政手続における特定の個人を識別するための番号の利用等に関する法律
 * 施行令 第8条) is refused, so a typed-in My Number never reaches the database.
 */

/** 検査用数字 for the first 11 digits (施行令第8条: Σ Pn×Qn, Qn = n+1 (n≤6), n−5 (7≤n≤11)). */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

export function isMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

const fullWidthDigit = /[０-９]/g;
// 12 digits, optionally written 4-4-4 with a space or hyphen, not part of a longer number.
const candidate = /(?<!\d)(\d{4})[ \u3000\-－‐]?(\d{4})[ \u3000\-－‐]?(\d{4})(?!\d)/g;

/** True when `text` holds something that reads as a valid 個人番号 (half- or full-width, 4-4-4 or run together). */
export function containsMyNumber(text: string): boolean {
  const normalized = text.replace(fullWidthDigit, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  for (const m of normalized.matchAll(candidate)) {
    if (isMyNumber(`${m[1]}${m[2]}${m[3]}`)) return true;
  }
  return false;
}

/** The Japanese field error for a free-text field (`label` is the field's name on the form). */
export function myNumberMessage(label: string): string {
  return `${label}に個人番号（マイナンバー）と思われる12桁の番号が含まれています。個人番号は記録できません（J.10.2 h 2）。番号を削除してください`;
}
