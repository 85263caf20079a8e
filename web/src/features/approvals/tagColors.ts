import type { ApprovalStatus } from './api.ts';

// Tag colours of the approval screens, as solid colours with white text: antd's preset status
// colours (success, processing, error) put light text on a light background under WCAG 1.4.3's
// 4.5:1 (axe-core color-contrast, issue 10). Each of these is over 6:1 against white text.

const APPROVED = '#237804';
const WAITING = '#1d4f91';
const RETURNED = '#a8071a';

/** A request's status; undefined: the neutral default tag (取下げ, 再承認のため無効). */
export const statusTagColors: Readonly<Record<ApprovalStatus, string | undefined>> = {
  pending: WAITING,
  approved: APPROVED,
  returned: RETURNED,
  withdrawn: undefined,
  superseded: undefined,
};

/** A stamp's action (承認 / 差戻し). */
export const actionTagColors: Readonly<Record<'approve' | 'return', string>> = { approve: APPROVED, return: RETURNED };

/** A chain step's state on the approval screen. */
export const stepTagColor = (state: string): string | undefined => (state === 'approved' ? APPROVED : state === 'returned' ? RETURNED : state === 'current' ? WAITING : undefined);
