// japanese-numerals-to-number ships no types: it exports one function that reads 漢数字 (「十四」「二〇」
// 「百一」, 大字 「壱」「弐」「参」「拾」) and throws on a malformed numeral (「十十」「一十」).
declare module 'japanese-numerals-to-number' {
  /** The number the 漢数字 write; throws Error when they are not a well-formed numeral. */
  export default function japaneseNumeralsToNumber(japaneseNumerals: string): number;
}
