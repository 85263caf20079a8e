import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import type { contractorPortalContract } from '../../../../src/modules/contractorPortal/contractorPortal.contract.ts';

export type PortalLink = ResponseOf<typeof contractorPortalContract.links>['items'][number];
export type Invitation = ResponseOf<typeof contractorPortalContract.invite>;
export type Exchange = ResponseOf<typeof contractorPortalContract.inbox>['items'][number];
