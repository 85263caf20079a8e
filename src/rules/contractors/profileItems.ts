import type { ContractorCriterion } from '../data/contractorCriteria.ts';
import type { QuestionnaireAnswer } from './questionnaire.ts';

// 委託先のプロフィール (issue #13 「回答を一度にして複数の委託元に共有」; J.9.4 s) 委託先の選定基準は
// 委託元ごとに見直される). Pure: which 評価項目 the 委託先's profile answers when several 委託元 ask
// with their own criteria sets, and how a 調査票 is started from the profile. An item is the same
// item only with the same number and the same wording (「評価項目の番号と文言」): a 委託元 that reworded
// item 1 asks a different question, answered on its own.

/** An answer kept in the profile: to the item of this number and this wording. */
export type ProfileAnswer = QuestionnaireAnswer & { text: string };

/** One item of the profile: its number and wording, and who asks it. */
export type ProfileItem = {
  key: string;
  code: string;
  text: string;
  coversOthers: boolean;
  /** The 委託元 whose latest 調査票 (or a criteria revision it published since) asks this item (code and wording), in link order. */
  askedBy: string[];
  /** Each 委託元 asking it with what asks it (`via`: 「最新の調査票」, 「改定された評価基準（第2版）」), one entry per set. */
  askedVia: { principal: string; via: string | null }[];
  /** The item is on the built-in 調査票 (世田谷区, seeds/000), which every profile carries. */
  standard: boolean;
};

/** The maximum number of answers a profile (or one 調査票) holds: the union of several 委託元's items, bounded. */
export const PROFILE_ANSWER_LIMIT = 100;

/** Items are the same item when their number and wording (without surrounding spaces) are the same. */
export const itemKey = (code: string, text: string) => `${code.trim()}\u0000${text.trim()}`;

const codeOrder = (a: string, b: string) => {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isInteger(x) && Number.isInteger(y)) return x - y;
  if (Number.isInteger(x)) return -1;
  if (Number.isInteger(y)) return 1;
  return a.localeCompare(b, 'ja');
};

/** A set of items one 委託元 asks, and what asks them (its latest 調査票, a revision published since). */
export type AskedSet = { principal: string; via?: string; items: readonly ContractorCriterion[] };

/**
 * The items of the profile: the built-in 調査票's, then every 委託元's asked sets (its latest 調査票,
 * and a criteria revision it published after it), each item once per (number, wording), in number
 * order (an item reworded by one 委託元 sits beside the original), with the 委託元 that ask it and
 * through which set.
 */
export function profileItems(standard: readonly ContractorCriterion[], asked: readonly AskedSet[]): ProfileItem[] {
  const byKey = new Map<string, ProfileItem>();
  const add = (item: ContractorCriterion, set: AskedSet | null) => {
    const key = itemKey(item.code, item.text);
    const known = byKey.get(key) ?? { key, code: item.code.trim(), text: item.text.trim(), coversOthers: false, askedBy: [], askedVia: [], standard: false };
    if (item.coversOthers) known.coversOthers = true;
    if (set === null) known.standard = true;
    else {
      if (!known.askedBy.includes(set.principal)) known.askedBy.push(set.principal);
      const via = set.via ?? null;
      if (!known.askedVia.some((a) => a.principal === set.principal && a.via === via)) known.askedVia.push({ principal: set.principal, via });
    }
    byKey.set(key, known);
  };
  for (const item of standard) add(item, null);
  for (const set of asked) for (const item of set.items) add(item, set);
  const firstSeen = [...byKey.keys()];
  return [...byKey.values()].sort((a, b) => codeOrder(a.code, b.code) || firstSeen.indexOf(a.key) - firstSeen.indexOf(b.key));
}

export type ProfileAnswerProblem = { path: string; message: string };

/**
 * Errors that stop the profile from being saved, each naming its 評価項目: an answer to an item no
 * 委託元 asks (nor the built-in 調査票), an answer without its wording where the 委託元 word the
 * number differently, two answers to one item. Answers without their wording are to the only item of
 * that number. Returns the answers with their wording when there is no error.
 */
export function resolveProfileAnswers(
  items: readonly ProfileItem[],
  answers: readonly (QuestionnaireAnswer & { text?: string | null })[],
): { answers: ProfileAnswer[]; problems: ProfileAnswerProblem[] } {
  const problems: ProfileAnswerProblem[] = [];
  const resolved: ProfileAnswer[] = [];
  const seen = new Set<string>();
  answers.forEach((a, index) => {
    const path = `questionnaireAnswers.${index}`;
    const sameCode = items.filter((i) => i.code === a.code.trim());
    const item = a.text?.trim() ? sameCode.find((i) => i.key === itemKey(a.code, a.text ?? '')) : sameCode.length === 1 ? sameCode[0] : undefined;
    if (!item) {
      if (sameCode.length > 1 && !a.text?.trim())
        problems.push({ path, message: `評価項目 ${a.code} は委託元によって文言が違います（${sameCode.length}通り）。どの文言への回答かを指定してください` });
      else
        problems.push({
          path,
          message: a.text?.trim()
            ? `評価項目 ${a.code}「${a.text.trim()}」は、接続している委託元の調査票にも標準の調査票にもありません`
            : `評価項目 ${a.code} は、接続している委託元の調査票にも標準の調査票にもありません`,
        });
      return;
    }
    if (seen.has(item.key)) {
      problems.push({ path, message: `評価項目 ${item.code}「${item.text}」に回答が2つあります` });
      return;
    }
    seen.add(item.key);
    resolved.push({ code: item.code, text: item.text, answer: a.answer, details: a.details });
  });
  return { answers: problems.length > 0 ? [] : resolved, problems };
}

/** The answers a 委託元 may read of the profile: only those to its own items (number and wording). */
export function answersFor(items: readonly ContractorCriterion[], answers: readonly ProfileAnswer[]): ProfileAnswer[] {
  const keys = new Set(items.map((i) => itemKey(i.code, i.text)));
  return answers.filter((a) => keys.has(itemKey(a.code, a.text)));
}

/**
 * A 調査票 started from the profile: each of its items the profile answers (same number and wording)
 * gets that answer; the others stay blank and are named (`missing`), for the 委託先 to answer — and,
 * if it chooses, to keep in its profile.
 */
export function prefillFromProfile(items: readonly ContractorCriterion[], answers: readonly ProfileAnswer[]): { answers: QuestionnaireAnswer[]; missing: ContractorCriterion[] } {
  const byKey = new Map(answers.map((a) => [itemKey(a.code, a.text), a]));
  const filled: QuestionnaireAnswer[] = [];
  const missing: ContractorCriterion[] = [];
  for (const item of items) {
    const a = byKey.get(itemKey(item.code, item.text));
    if (a) filled.push({ code: item.code, answer: a.answer, details: a.details });
    else missing.push(item);
  }
  return { answers: filled, missing };
}
