import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's recommended parameters (19 MiB, 2 iterations): memory-hard, as SPEC §9
 * asks. `@node-rs/argon2` ships its binary in the npm package (no compiler needed).
 */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const; // algorithm defaults to Argon2id

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
