// Labels of M6 通知・同意 shown on screens, in messages and in the audit trail.

/** 同意の取得方法 (J.8.5 i) 紙媒体, j) Web のフォーム, and 口頭). */
export const consentChannels = ['paper', 'web', 'oral'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

export const consentChannelLabels: Readonly<Record<ConsentChannel, string>> = Object.freeze({ paper: '紙', web: 'Web', oral: '口頭' });
