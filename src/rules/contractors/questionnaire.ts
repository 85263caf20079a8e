import type { ContractorCriteriaSet, CriterionAnswer } from '../data/contractorCriteria.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 個人情報管理状況調査票 (世田谷区, seeds/000 「新規登録時には『個人情報管理状況調査票』を用いて、
// 預託先の個人情報管理体制が当社の基準を満たしていることを確認します」; J.9.4 s)・t) 委託先の選定
// 基準と評価). Pure: what the 委託先 must answer on the 委託元's criteria set (はい／いいえ／該当なし,
// details for いいえ), the file the form's item 1 stands on (プライバシーマーク登録証), and how an
// accepted answer carries into the 委託元's 委託先審査表 (適／不適／該当なし, cited item by item).

/** はい／いいえ／該当なし. */
export const questionnaireAnswers = ['yes', 'no', 'not_applicable'] as const;
export type QuestionnaireAnswerValue = (typeof questionnaireAnswers)[number];
export const questionnaireAnswerLabels: Readonly<Record<QuestionnaireAnswerValue, string>> = Object.freeze({ yes: 'はい', no: 'いいえ', not_applicable: '該当なし' });

export type QuestionnaireAnswer = { code: string; answer: QuestionnaireAnswerValue; details: string | null };

export type QuestionnaireProblem = { code: string; message: string };

/** Kinds of the files a 委託先 attaches to its answers (its profile's and the exchange's). */
export const questionnaireFileKinds = [
  { code: 'privacy_mark', label: 'プライバシーマーク登録証' },
  { code: 'isms', label: 'ISMS認証登録証' },
  { code: 'rules', label: '個人情報保護に関する規程' },
  { code: 'other', label: 'その他の資料' },
] as const;
export type QuestionnaireFileKind = (typeof questionnaireFileKinds)[number]['code'];

/**
 * Errors that stop the 調査票 from being sent, each naming its 評価項目. `attachedKinds` are the kinds
 * of the files sent with it.
 * - every item answered once (unless item 1 プライバシーマーク is はい: 「取得していない場合は、以下
 *   項目に該当しているか」 — the rest are then optional);
 * - いいえ needs its details (the 委託元 must know what is missing);
 * - item 1 is はい or いいえ (a mark is held or not: 該当なし does not answer it), and はい comes
 *   with the プライバシーマーク登録証;
 * - no item outside the criteria set.
 */
export function checkQuestionnaire(criteria: ContractorCriteriaSet, answers: readonly QuestionnaireAnswer[], attachedKinds: readonly string[] = []): QuestionnaireProblem[] {
  const problems: QuestionnaireProblem[] = [];
  const seen = new Set<string>();
  for (const a of answers) {
    if (!criteria.items.some((i) => i.code === a.code)) problems.push({ code: a.code, message: `評価項目 ${a.code} は「${criteria.name}」にありません` });
    else if (seen.has(a.code)) problems.push({ code: a.code, message: `評価項目 ${a.code} に回答が2つあります` });
    seen.add(a.code);
  }
  const covered = criteria.items.some((i) => i.coversOthers && answers.find((a) => a.code === i.code)?.answer === 'yes');
  for (const item of criteria.items) {
    const a = answers.find((x) => x.code === item.code);
    const head = `${item.code}「${item.text}」`;
    if (!a) {
      if (item.coversOthers || !covered) problems.push({ code: item.code, message: `${head}に「はい」「いいえ」「該当なし」のどれかで回答してください` });
      continue;
    }
    if (a.answer === 'no' && !a.details?.trim()) problems.push({ code: item.code, message: `${head}が「いいえ」のときは、その内容（対策の予定など）を記入してください` });
    if (item.coversOthers && a.answer === 'not_applicable')
      problems.push({ code: item.code, message: `${head}には「はい」か「いいえ」で回答してください（該当なしは選べません）` });
    if (item.coversOthers && a.answer === 'yes' && !attachedKinds.includes('privacy_mark'))
      problems.push({ code: item.code, message: `${head}が「はい」のときは、プライバシーマーク登録証の写しを添付してください` });
  }
  return problems;
}

/** One item of the 委託先審査表 pre-filled from an accepted 調査票, with where it comes from. */
export type EvaluationPrefill = { code: string; answer: CriterionAnswer; citation: string };

const toCriterion: Readonly<Record<QuestionnaireAnswerValue, CriterionAnswer>> = Object.freeze({ yes: 'suitable', no: 'unsuitable', not_applicable: 'not_applicable' });

/**
 * The yearly evaluation (J.9.4 t) 「毎年 12 月…『委託先審査表』による評価」) pre-filled from the
 * 委託先's accepted answers: はい → 適, いいえ → 不適, 該当なし → 該当なし, each citing the answer
 * (「調査票（2026-11-20 受理）の回答: いいえ — 詳細」). The 委託元 still judges and may change each.
 */
export function evaluationFromQuestionnaire(criteria: ContractorCriteriaSet, answers: readonly QuestionnaireAnswer[], acceptedOn: string): EvaluationPrefill[] {
  return criteria.items.flatMap((item) => {
    const a = answers.find((x) => x.code === item.code);
    if (!a) return [];
    const details = a.details?.trim() ? ` — ${a.details.trim()}` : '';
    return [
      { code: item.code, answer: toCriterion[a.answer], citation: `${criteria.name}（${displayDate(acceptedOn)} 受理）の回答: ${questionnaireAnswerLabels[a.answer]}${details}` },
    ];
  });
}
