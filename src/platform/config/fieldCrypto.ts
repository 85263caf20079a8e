import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field-level encryption of personal-data columns (SPEC §9: "personal-data fields … encrypted at
 * rest with a key outside the database"). Format: `v1:<iv b64>:<tag b64>:<ciphertext b64>`.
 */
let activeKey: Buffer | null = null;

/** Installs the 32-byte key used by every encrypted column. Called once at start-up. */
export function setFieldEncryptionKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('暗号化鍵は32バイトである必要があります (MAMORI_ENCRYPTION_KEY)');
  activeKey = key;
}

function requireKey(): Buffer {
  if (!activeKey) throw new Error('暗号化鍵が設定されていません (MAMORI_ENCRYPTION_KEY)');
  return activeKey;
}

/** Encrypts one value; a fresh random IV per value means equal plaintexts differ on disk. */
export function encryptField(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', requireKey(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
}

/** Decrypts a value written by {@link encryptField}; a wrong key or tampered value throws. */
export function decryptField(stored: string): string {
  const [version, iv, tag, body] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('暗号化された値の形式が不正です');
  const decipher = createDecipheriv('aes-256-gcm', requireKey(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** Encrypts a file's bytes (attachments): `iv (12) ‖ tag (16) ‖ ciphertext`, AES-256-GCM with the field key. */
export function encryptBytes(plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', requireKey(), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Decrypts bytes written by {@link encryptBytes}; a wrong key or tampered content throws. */
export function decryptBytes(stored: Buffer): Buffer {
  if (stored.length < 28) throw new Error('暗号化されたファイルの形式が不正です');
  const decipher = createDecipheriv('aes-256-gcm', requireKey(), stored.subarray(0, 12));
  decipher.setAuthTag(stored.subarray(12, 28));
  return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]);
}
