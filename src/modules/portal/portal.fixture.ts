import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { portalSettings } from './portal.tables.ts';

// Test set-up shared by the 公開窓口 tests (not loaded by the app): the 公表事項 (J.10.3 a)〜g)) a
// 個人情報保護管理者 publishes, and a request from the public side — no session cookie, from a given
// address (the rate limits count per address), over real HTTP (app.inject).

/** The 公表事項 of 株式会社まもりデモ's public page, as the settings screen saves them. */
export const portalFacts = {
  organization: { name: '株式会社まもりデモ', address: '東京都豊島区南池袋2-45-1', representative: '代表取締役 山田太郎' },
  manager: { nameOrTitle: '個人情報保護管理者 佐藤花子', department: '総務部', contact: 'privacy@demo.example.jp' },
  purposes: [{ text: '商品の発送及びアフターサービスのため' }],
  complaintDesk: '個人情報お問合せ窓口（総務部） 03-0000-0001',
  accreditedBody: null,
  procedure: {
    desk: '個人情報お問合せ窓口',
    method: '当社所定の請求書の提出（このページのフォームでも受け付けます）',
    identityCheck: '運転免許証等の写し（本籍地は都道府県以外、個人番号は黒塗り）',
    fees: { purposeNotice: null, disclosure: { amountYen: 300, collectionMethod: '郵便小為替' } },
  },
  safetyMeasures: ['個人情報保護規程の策定', '従業者の教育'],
};

/** A request without an account from `ip`, its body read loosely. */
export async function anonymousRequest(app: FastifyInstance, method: 'GET' | 'POST', url: string, body: unknown, ip: string) {
  const r = await app.inject({ method, url, remoteAddress: ip, ...(body !== undefined ? { payload: body as object } : {}) });
  // biome-ignore lint/suspicious/noExplicitAny: the response read loosely here
  return { status: r.statusCode, body: r.json() as any, headers: r.headers };
}

/** The demo seeds a published page (/p/mamori-demo); tests that build the settings from nothing remove it first. */
export async function removeDemoPortal(t: TestApp): Promise<void> {
  await asSystem(t.database, (tx) => tx.delete(portalSettings).where(eq(portalSettings.organizationId, t.demoOrganizationId)));
}
