import type { contractorPortalReportsContract } from '../../../../src/modules/contractorPortal/contractorPortal.reports.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';

// 委託先からの報告 (issue #13): the shapes the screens read, from the contract.
export type Outbox = ResponseOf<typeof contractorPortalReportsContract.outbox>;
export type PortalReport = Outbox['items'][number];
