import { generateSecret, generateURI, verify } from 'otplib';

/** TOTP second factor (RFC 6238) with otplib: a new secret and its otpauth:// URI. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = generateSecret();
  return { secret, uri: generateURI({ issuer: 'Mamori', label, secret }) };
}

/**
 * Checks a 6-digit code, allowing one 30 s step of clock drift either way, and returns the
 * 30-second step it belongs to (stored as the account's last accepted step, so the same code —
 * or an earlier one — is refused next time: RFC 6238 §5.2), or null when it does not match.
 */
export async function matchTotp(secret: string, code: string): Promise<{ timeStep: number } | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    // otplib's functional verify answers for HOTP or TOTP; a TOTP match carries its step.
    return result.valid && 'timeStep' in result ? { timeStep: result.timeStep } : null;
  } catch {
    return null;
  }
}
