import { generateSecret, generateURI, verify } from 'otplib';

/** TOTP second factor (RFC 6238) with otplib: a new secret and its otpauth:// URI. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = generateSecret();
  return { secret, uri: generateURI({ issuer: 'Mamori', label, secret }) };
}

/** Checks a 6-digit code, allowing one 30 s step of clock drift either way. */
export async function checkTotp(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}
