/**
 * A heading or value as imports compare them: width-folded (NFKC), without spaces or
 * required-marks (＊・※), case-insensitive — so 「氏名※」「氏 名」「ｼﾒｲ」-style variants meet.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*※]/g, '')
    .toLowerCase();
}
