/** Texts of the 法令規範一覧 screens (Japanese; field names come from the server's `lawFieldLabels`). */
export const lawText = {
  nav: '法令規範一覧',
  title: '個人情報保護に関する法令規範一覧',
  lead: '個人情報の取扱いに関する法令、国が定める指針その他の規範です。個人情報保護管理者が特定し承認し、全職員が閲覧できます。毎年12月及び必要に応じて随時見直します（J.1.3）。',
  add: '法令規範を登録',
  edit: '編集',
  approve: '承認',
  approved: '承認しました',
  approveConfirm: 'この法令規範を承認しますか？承認者と日時が記録されます。',
  unapproved: '未承認',
  export: 'Excel出力',
  import: 'Excel取込',
  search: '名称・制定・所管・番号で検索',
  allStatuses: 'すべての状態',
  newTitle: '法令規範の登録',
  editTitle: '法令規範の変更',
  editHint: '承認済みの内容を変えると未承認に戻ります。',
  save: '保存',
  cancel: 'キャンセル',
  saved: '保存しました',
  errors: '保存できませんでした。赤い項目を確認してください',
  actions: '操作',
  'import.title': '法令規範一覧の取込',
  reviews: '見直し',
  'review.title': '法令規範一覧の見直し',
  'review.lead':
    '個人情報保護管理者が、毎年12月及び必要に応じて随時、法律・ガイドライン・条例等の告示・改訂を確認し、必要に応じて改訂します（J.1.3 c）。改訂ありの法令規範は、一覧で内容を変更して承認し直してください。',
  'review.year': '見直しの年',
  'review.start': '見直しを開始',
  'review.started': '見直しを開始しました',
  'review.open': '実施中',
  'review.completed': '完了',
  'review.unchecked': '未確認 {n}件',
  'review.outcome': '見直しの結果',
  'review.note': '改訂の内容・備考',
  'review.summary': '見直しの所見',
  'review.save': '記録を保存',
  'review.complete': '見直しを完了',
  'review.completedBy': '{date} {name} が完了',
  'review.back': '見直しの一覧',
  'review.none': 'まだ見直しはありません',
} as const;

export type LawTextKey = keyof typeof lawText;

/** A text with its `{name}` placeholders filled. */
export function lt(key: LawTextKey, params?: Record<string, string | number>): string {
  const text: string = lawText[key];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}
