import type { HeadingField } from './headings.ts';

// 法令規範一覧の見出しの辞書 (issue #12; J.1.3 b「個人情報保護に関する法令規範一覧」; documented in
// docs/import.md). Sources: the 法令規範一覧 / 法令等一覧表 of the Privacy-Mark consultant
// templates (法令名・法令等の名称・区分・所管官庁・法令番号・最終改正日・URL・関連業務), e-Gov 法令検索
// (法令名・法令番号・改正), and the J.1.3 a) wording (法律・基準・ガイドライン・指針・条例). Labels are
// the headings Mamori's own export writes (src/modules/laws/laws.export.ts).

export const lawHeadings = [
  {
    key: 'name',
    label: '名称',
    synonyms: ['法令名', '法令の名称', '法令等の名称', '法令等名', '法令・規範の名称', '法令規範名', '規範名', '法令・指針等の名称', '題名', '件名'],
  },
  { key: 'kind', label: '種別', synonyms: ['区分', '分類', '種類', '法令の種別', '法令区分', '法令種別', '規範の種類'] },
  { key: 'issuer', label: '制定・所管', synonyms: ['所管', '所管官庁', '所管省庁', '制定者', '制定機関', '発行者', '発行元', '制定・発行', '所管・制定者', '主務官庁'] },
  { key: 'number', label: '番号', synonyms: ['法令番号', '告示番号', '条例番号', '規格番号', '番号等'] },
  { key: 'lastAmendedOn', label: '最終改正日', synonyms: ['改正日', '最終改正', '最終改訂日', '改訂日', '最新改正日', '改正年月日', '最終改正年月日'] },
  { key: 'url', label: '参照先URL', synonyms: ['URL', '参照先', '参照URL', 'リンク', '掲載先', '掲載URL', '入手先', '参照'] },
  {
    key: 'application',
    label: '当組織への適用（関係する業務・台帳）',
    synonyms: ['当組織への適用', '適用', '関係業務', '関係する業務', '関連業務', '適用業務', '適用範囲', '対象業務', '関係する台帳', '該当業務', '適用箇所'],
  },
  { key: 'status', label: '状態', synonyms: ['有効・廃止', '施行状況', '現行・廃止', '有効／廃止'] },
  { key: 'identifiedOn', label: '特定日', synonyms: ['特定した日', '登録日', '特定年月日', '追加日'] },
  { key: 'note', label: '備考', synonyms: ['メモ', '補足', '摘要', 'コメント'] },
  // Columns the export writes for people to read; the import knows them but never reads them
  // (an approval is given on the screen by the 個人情報保護管理者, J.1.3 a — never by a file).
  { key: 'approval', label: '承認', synonyms: ['承認者', '承認日', '承認状況'] },
  { key: 'lastReviewedOn', label: '最終見直し日', synonyms: ['見直し日', '確認日', '最終確認日'] },
] as const satisfies readonly HeadingField[];

export type LawHeadingKey = (typeof lawHeadings)[number]['key'];
