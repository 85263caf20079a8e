/** `%…%` for LIKE / ILIKE with the user's text taken literally (\ % _ escaped). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
