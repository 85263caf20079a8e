/**
 * What the shared list components need. Response types come from the server's contracts
 * (`ResponseOf<typeof xContract.route>`, src/platform/http/contract.ts), never from here.
 */
import type { ResponseOf } from '../../../src/platform/http/contract.ts';
import type { orgContract } from '../../../src/platform/org/org.contract.ts';

/** A page of a server-paged list: the shape of every contract's `pageResponse`, for PagedTable. */
export type Paged<T> = { items: T[]; total: number; page?: number; pageSize?: number };

/** One row of the 従業者 list (GET /api/people), for the person pickers. */
export type PersonListItem = ResponseOf<typeof orgContract.people>['items'][number];
