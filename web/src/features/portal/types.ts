import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import type { portalContract } from '../../../../src/modules/portal/portal.contract.ts';

export type PublicPortal = ResponseOf<typeof portalContract.page>;
export type PortalReceipt = ResponseOf<typeof portalContract.submit>;
export type PortalProgress = ResponseOf<typeof portalContract.progress>;
export type PortalSettings = ResponseOf<typeof portalContract.settings>;
