import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/**
 * Messages of the 特記事項のひな型 page (自社のひな型, issue 13; module-local catalog, Japanese by
 * default). Article names, variant names and errors come from the server and the rules.
 */
const ja = {
  'tp.nav': '特記事項のひな型',
  'tp.title': '特記事項のひな型（自社のひな型）',
  'tp.lead':
    '委託先と結ぶ個人情報特記事項の自社のひな型です。民間事業者向けのひな型（J.9.4 3 a)〜h)、特定個人情報を委託する場合は i)〜r)）を写したものから始まり、保存するたびに新しい版になります。委託先の画面の「個人情報特記事項」で「自社のひな型」を選ぶと、使用中の版で作成します。',
  'tp.back': '委託先の一覧',
  'tp.current': '使用中の版: {version}',
  'tp.placeholders': '差し込み項目 {list} は、作成時に委託元・委託先の名称と業務名に置き換わります。',
  'tp.handledInfo': '取り扱う個人情報（第{number}条「{title}」）には、委託先に紐付けた台帳の項目が入ります。',
  'tp.handledInfoShifted': '取り扱う個人情報（第{number}条「{title}」。特定個人情報を委託しない委託先の特記事項では第{without}条）には、委託先に紐付けた台帳の項目が入ります。',
  'tp.handledInfoRemoved': '{version}には取り扱う個人情報の条がないため、作成する特記事項に取り扱う個人情報（台帳の項目）は入りません。',
  'tp.missing': 'この版では、次の J.9.4 3 の事項が条文から読み取れません（契約書の必須事項の確認）',
  'tp.onlySpecific': '特定個人情報を委託する場合のみ',
  'tp.edit': '編集する（新しい版）',
  'tp.editorTitle': '{version}の編集',
  'tp.docTitle': '表題',
  'tp.note': '変更の内容・理由',
  'tp.heading': '見出し',
  'tp.paragraph': '第{n}項',
  'tp.addParagraph': '項を追加',
  'tp.removeParagraph': '第{n}項を削除',
  'tp.save': '新しい版として保存',
  'tp.saved': '{version}を保存しました',
  'tp.savedWithWarning': '{version}を保存しました。警告（J.9.4 3 の事項の欠け・条の引用）を確かめてください',
  'tp.cancel': 'やめる',
  'tp.history': '版の履歴',
  'tp.changesFrom': '{version}からの変更',
  'tp.noChanges': '変更なし',
  'tp.savedBy': '保存した者',
  'tp.savedAt': '保存日',
  'tp.export': 'Word出力（使用中の版）',
  'tp.items': 'J.9.4 3 の欠け',
  'tp.none': 'なし',
  'tp.structureHint':
    '条は{max}条まで追加・削除・並べ替えができます。条の番号（第N条）は並びのとおりに付け直され、特記事項の作成でもその番号になります。条文中の「第N条」「前条」「次条」は書き換えないため、引用先が動いたときは警告を確かめてください。',
  'tp.custom': '追加した条',
  'tp.up': '{name}を上へ移動',
  'tp.down': '{name}を下へ移動',
  'tp.removeArticle': '{name}を削除',
  'tp.addArticle': '条を追加（第{n}条）',
  'tp.restore': '削除した「{name}」の条を戻す',
  'tp.references': '条文中の「第N条」「前条」「次条」の引用を確かめてください（条文は書き換えていません）',
  'tp.movedFrom': '（第{from}条から第{to}条へ）',
};

const en: Record<keyof typeof ja, string> = {
  'tp.nav': 'Clause template',
  'tp.title': 'Special clause template (own)',
  'tp.lead':
    "The organization's own template of the personal information special clauses, started from the private-company set (J.9.4 3 a)–h), i)–r) for My Number data). Every save is a new version; choose “own template” on a contractor's page to generate with the version in use.",
  'tp.back': 'Contractors',
  'tp.current': 'Version in use: {version}',
  'tp.placeholders': 'The placeholders {list} become the parties’ names and the business name.',
  'tp.handledInfo': 'The personal information handled (article {number}, “{title}”) lists the register entries linked to the contractor.',
  'tp.handledInfoShifted':
    'The personal information handled (article {number}, “{title}”; article {without} for a contractor without My Number data) lists the register entries linked to the contractor.',
  'tp.handledInfoRemoved': '{version} has no article on the personal information handled: the generated clauses do not list it.',
  'tp.missing': 'This version no longer covers these J.9.4 3 items (contract clause check)',
  'tp.onlySpecific': 'Only when My Number data is entrusted',
  'tp.edit': 'Edit (new version)',
  'tp.editorTitle': 'Editing {version}',
  'tp.docTitle': 'Title',
  'tp.note': 'What changed and why',
  'tp.heading': 'Heading',
  'tp.paragraph': 'Paragraph {n}',
  'tp.addParagraph': 'Add paragraph',
  'tp.removeParagraph': 'Remove paragraph {n}',
  'tp.save': 'Save as new version',
  'tp.saved': '{version} saved',
  'tp.savedWithWarning': '{version} saved; check the warnings (missing J.9.4 3 items, article references)',
  'tp.cancel': 'Cancel',
  'tp.history': 'Versions',
  'tp.changesFrom': 'Changes from {version}',
  'tp.noChanges': 'No changes',
  'tp.savedBy': 'Saved by',
  'tp.savedAt': 'Saved on',
  'tp.export': 'Word (version in use)',
  'tp.items': 'Missing J.9.4 3 items',
  'tp.none': 'None',
  'tp.structureHint':
    'Up to {max} articles can be added, removed and reordered. Articles are renumbered in order, also in the generated clauses. References such as “Article N”, “the preceding article” or “the next article” in the text are not rewritten: check the warnings when a cited article moves.',
  'tp.custom': 'Added article',
  'tp.up': 'Move {name} up',
  'tp.down': 'Move {name} down',
  'tp.removeArticle': 'Remove {name}',
  'tp.addArticle': 'Add article ({n})',
  'tp.restore': 'Restore the removed article “{name}”',
  'tp.references': 'Check the article references in the text (the text was not rewritten)',
  'tp.movedFrom': '(from article {from} to {to})',
};

export type TemplateTextKey = keyof typeof ja;
const catalogs: Record<'ja' | 'en', Record<TemplateTextKey, string>> = { ja, en };

export function useTemplateText(): (key: TemplateTextKey, params?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return useCallback(
    (key: TemplateTextKey, params?: Record<string, string | number>) => {
      const text = catalogs[locale][key] ?? ja[key];
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
    },
    [locale],
  );
}

/** Where 取り扱う個人情報 stands in a template (the server's `handledInfoArticle`; null: the template removed it). */
export type HandledInfoArticle = { title: string; number: number; numberWithoutSpecificPersonalInfo: number } | null;

/**
 * The hint naming the article the linked 台帳 entries fill, by its place in the template actually used
 * (第2条 unless the organization moved it); when the template removed it, that the documents do not
 * list 取り扱う個人情報 at all — never a 第2条 that now says something else.
 */
export function handledInfoHint(tp: ReturnType<typeof useTemplateText>, article: HandledInfoArticle, versionLabel: string): string {
  if (!article) return tp('tp.handledInfoRemoved', { version: versionLabel });
  const { number, title, numberWithoutSpecificPersonalInfo: without } = article;
  return number === without ? tp('tp.handledInfo', { number, title }) : tp('tp.handledInfoShifted', { number, title, without });
}
