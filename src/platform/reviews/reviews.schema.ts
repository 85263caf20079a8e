import { z } from 'zod';
import { idField, optionalText } from '../validation/fields.ts';
import { optionalQueryInteger } from '../validation/queryParams.ts';

// Request schemas and vocabularies of the yearly review (毎年12月の見直し). Pure (zod only): the
// review routes of every subject, their contracts and the web import them.

/** Status of a record that goes through approval: `draft` before submission, then the approval engine's states. */
export const recordStatuses = ['draft', 'pending', 'approved', 'returned', 'withdrawn', 'superseded'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

/** What the yearly review looks at: the 台帳 (M1) or the リスク分析対策表 (M2). */
export const reviewSubjects = ['inventory', 'risk'] as const;
export type ReviewSubject = (typeof reviewSubjects)[number];

/** How the department head decided an item: not yet, 「変更なし」, or changed (a 申請書 or a revised analysis). */
export const reviewDecisions = ['pending', 'confirmed', 'changed'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** 見直し: start (or open) the review of one department for one year. */
export const reviewStartBody = z.object({
  departmentId: idField('所属'),
  year: z.number({ error: '年は数値で入力してください' }).int().min(2000, { error: '年が正しくありません' }).max(2100, { error: '年が正しくありません' }),
});

/** 「変更なし」: confirm one item as it stands, with an optional note. */
export const reviewConfirmBody = z.object({
  subjectId: idField('確認する項目'),
  note: optionalText('確認メモ', 2000),
});

/** The reviews of a year (default: this year). */
export const reviewsQuery = z.object({
  year: optionalQueryInteger('年', { min: 2000, max: 2100 }),
});

export const reviewIdParams = z.object({ id: idField('ID') });
