// Vocabulary of 自社のひな型 (個人情報特記事項, issue 13). Pure: the server, the contract and the web share it.

/** How a version is named: 「第2版」, or 「既定」 for the built-in 民間事業者向け set. */
export const templateVersionLabel = (versionNo: number | null) => (versionNo === null ? '既定' : `第${versionNo}版`);

/** The template choice of the generator that uses the organization's current version. */
export const ORGANIZATION_TEMPLATE_NAME = '自社のひな型';

/** Japanese names of the fields (form labels, audit trail, errors). */
export const templateFieldLabels = Object.freeze({
  title: '表題',
  note: '変更の内容・理由',
  articles: '条文',
});
