// Labels of M6 通知・同意 shown on screens, in messages and in the audit trail.

/** 同意の取得方法 (J.8.5 i) 紙媒体, j) Web のフォーム, and 口頭). */
export const consentChannels = ['paper', 'web', 'oral'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

export const consentChannelLabels: Readonly<Record<ConsentChannel, string>> = Object.freeze({ paper: '紙', web: 'Web', oral: '口頭' });

/** 通知文の種類: 取得時の通知・同意文書 (J.8.5) or 個人関連情報を個人データとして取得することへの同意を求める通知 (J.8.8.4 1). */
export const noticeKinds = ['acquisition', 'related_info'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeKindLabels: Readonly<Record<NoticeKind, string>> = Object.freeze({
  acquisition: '取得時の通知・同意文書（J.8.5）',
  related_info: '個人関連情報の同意を求める通知（J.8.8.4 1）',
});
