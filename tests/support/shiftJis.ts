// Test fixtures in Shift_JIS (Excel's 「CSV」 on Japanese Windows), built with Node's own decoder:
// Node ships no Shift_JIS encoder and the tests need no dependency for one.

/** Shift_JIS bytes of a text, from the platform's own decoder (tests only; no encoder ships with Node). */
export function shiftJis(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a character
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no Shift_JIS for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
