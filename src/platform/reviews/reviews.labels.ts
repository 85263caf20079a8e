import { approvalStatusLabels } from '../../rules/approvalChains.ts';
import type { RecordStatus } from './reviews.schema.ts';

/** 状態 of a record that goes through approval (a review, a 申請書): 下書き, then the approval engine's. */
export const recordStatusLabels: Readonly<Record<RecordStatus, string>> = Object.freeze({ draft: '下書き', ...approvalStatusLabels });

/** 状態 of a department's review in the year's list when none was started. */
export const reviewNotStartedLabel = '未開始';
