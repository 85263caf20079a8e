import { and, eq } from 'drizzle-orm';
import type { AttachmentOwner } from '../../platform/attachments/owners.ts';
import { can } from '../../platform/policies/actor.ts';
import { questionnaireFileKinds } from '../../rules/contractors/questionnaire.ts';
import { contractorPortalExchanges } from './contractorPortal.tables.ts';
import { contractorPortalProfiles } from './contractorProfile.tables.ts';
import { EXCHANGE_OWNER, PROFILE_OWNER } from './questionnaire.service.ts';

// 添付ファイル of the 委託先 portal (issue #13; SPEC §3 Attachments: size and content-type checks are
// the platform's). Certificates and 規程 are an organization's documents, not personal data.

/**
 * The kinds, 「その他の資料」 first in the list. The 委託先 chooses one for each file (a file sent
 * without is refused): a file is never labelled a プライバシーマーク登録証 by guess (a 登録証 answers
 * 調査票 item 1 「はい」).
 */
const kindsUnguessed = [...questionnaireFileKinds.filter((k) => k.code === 'other'), ...questionnaireFileKinds.filter((k) => k.code !== 'other')];

/** The 委託先's profile files (P-mark / ISMS 登録証, 規程): its own organization's, for who answers. */
export const profileAttachmentOwner: AttachmentOwner = {
  type: PROFILE_OWNER,
  label: '委託先のプロフィール',
  personalData: false,
  kinds: kindsUnguessed,
  async canRead(tx, actor, ownerId) {
    if (!can(actor, 'contractorPortal.respond')) return false;
    const [row] = await tx
      .select({ id: contractorPortalProfiles.id })
      .from(contractorPortalProfiles)
      .where(and(eq(contractorPortalProfiles.organizationId, actor.organizationId), eq(contractorPortalProfiles.id, ownerId)));
    return !!row;
  },
  async canWrite() {
    return true;
  },
};

/**
 * The files a 委託先 sent with its 調査票: the 委託元's copies, in the 委託元's organization, read by
 * who reviews (contractorPortal.manage). Never changed: they are what was submitted.
 */
export const exchangeAttachmentOwner: AttachmentOwner = {
  type: EXCHANGE_OWNER,
  label: '委託先の提出資料',
  personalData: false,
  kinds: kindsUnguessed,
  async canRead(tx, actor, ownerId) {
    if (!can(actor, 'contractorPortal.manage')) return false;
    const [row] = await tx
      .select({ id: contractorPortalExchanges.id })
      .from(contractorPortalExchanges)
      .where(and(eq(contractorPortalExchanges.organizationId, actor.organizationId), eq(contractorPortalExchanges.id, ownerId)));
    return !!row;
  },
  async canWrite() {
    return false;
  },
};
