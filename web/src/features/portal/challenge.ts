import { sha256 } from '@noble/hashes/sha2.js';

// 送信前の確認 (src/modules/portal/portal.challenge.ts): find a nonce whose SHA-256 with the
// page's challenge starts with `bits` zero bits. @noble/hashes rather than crypto.subtle, which
// a page served over plain http on an intranet does not have. Runs in slices so the page stays
// responsive while the person types.

const encoder = new TextEncoder();

function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export async function solveChallenge(token: string, bits: number, signal?: AbortSignal): Promise<string> {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(sha256(encoder.encode(`${token}:${n}`))) >= bits) return String(n);
    if (n % 2000 === 1999) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) throw new Error('aborted');
    }
  }
}
