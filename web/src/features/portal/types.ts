import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import type { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import type { portalContract } from '../../../../src/modules/portal/portal.contract.ts';

export type PublicPortal = ResponseOf<typeof portalContract.page>;
export type PortalReceipt = ResponseOf<typeof portalContract.submit>;
export type PortalProgress = ResponseOf<typeof portalContract.progress>;
export type PortalSettings = ResponseOf<typeof portalContract.settings>;
export type PublicNotice = ResponseOf<typeof portalContract.notice>;
export type PortalConsentReceipt = ResponseOf<typeof portalContract.consent>;
export type PortalConsentStatus = ResponseOf<typeof portalContract.consentStatus>;
export type NoticeList = ResponseOf<typeof noticesContract.list>;
