import type { YesNo } from '../../rules/data/contractorComplianceReport.ts';

// Labels of the 委託先 portal (issue #13), shared by the server and the web. Japanese, as printed.

export const linkStatuses = ['invited', 'active', 'revoked'] as const;
export type LinkStatus = (typeof linkStatuses)[number];
export const linkStatusLabels: Readonly<Record<LinkStatus, string>> = Object.freeze({ invited: '招待中', active: '接続済み', revoked: '解除' });

export const exchangeKinds = ['compliance_report', 'questionnaire'] as const;
export type ExchangeKind = (typeof exchangeKinds)[number];
export const exchangeKindLabels: Readonly<Record<ExchangeKind, string>> = Object.freeze({
  compliance_report: '個人情報特記事項の遵守に関する報告書',
  questionnaire: '個人情報管理状況調査票',
});

export const exchangeStatuses = ['requested', 'answered', 'accepted', 'returned'] as const;
export type ExchangeStatus = (typeof exchangeStatuses)[number];
export const exchangeStatusLabels: Readonly<Record<ExchangeStatus, string>> = Object.freeze({
  requested: '依頼中',
  answered: '回答済み（確認待ち）',
  accepted: '確認済み',
  returned: '差戻し',
});

/** One answered item of the 遵守報告書: (1)〜(9), はい／いいえ, and the details the form asks for. */
export type ComplianceAnswer = { number: number; answer: YesNo; details: string | null };
