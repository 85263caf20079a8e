import { publicItems, requiredItemsVersion } from '../data/requiredItems.ts';

/**
 * 公表事項の生成 (issue 14 M5 公開窓口, J.10.3 a)〜g)): the text the organization's public page
 * shows, generated from its settings. Pure: the public page and the settings preview print the
 * same sections. An item the settings cannot fill is listed in `missing` with a Japanese message
 * naming the setting — the page is never published with an empty item (J.10.3: 本人の知り得る状態に置く).
 */

/** 手数料 (J.10.2 1 d), 3; PA01 J.10.2 i)): `null` when none is charged (無料). */
export type RequestFee = { amountYen: number; collectionMethod: string } | null;

/** The organization's settings the 公表事項 are generated from. */
export type PublicItemsFacts = {
  /** J.10.3 a): 名称及び住所並びに代表者の氏名. */
  organization: { name?: string | null; address?: string | null; representative?: string | null };
  /** J.10.3 b): 個人情報保護管理者(若しくはその代理人)の氏名又は職名、所属及び連絡先. */
  manager: { nameOrTitle?: string | null; department?: string | null; contact?: string | null };
  /**
   * J.10.3 c): 全ての保有個人データの利用目的. A purpose that falls under J.8.4 a)〜c) (通知・公表で
   * 本人等の権利利益を害するおそれ等) carries `exemptUnder` and is not published.
   */
  purposes: readonly { text: string; exemptUnder?: 'J.8.4 a)' | 'J.8.4 b)' | 'J.8.4 c)' | null }[];
  /** J.10.3 d): 保有個人データの取扱いに関する苦情の申出先. */
  complaintDesk?: string | null;
  /** J.10.3 e): 認定個人情報保護団体 — `null` when the organization is not a 対象事業者. */
  accreditedBody: { name?: string | null; complaintDesk?: string | null } | null;
  /** J.10.3 f): J.10.2 で定めた手続 (J.10.2 1 a)〜d)). */
  procedure: {
    /** J.10.2 1 a) 開示等の請求等の申出先. */
    desk?: string | null;
    /** J.10.2 1 b) 提出すべき書面の様式その他の方式. */
    method?: string | null;
    /** J.10.2 1 c) 本人又は代理人であることの確認の方法. */
    identityCheck?: string | null;
    /** J.10.2 1 d) J.10.4 (利用目的の通知) と J.10.5 (開示) の手数料 and how it is collected. */
    fees: { purposeNotice: RequestFee; disclosure: RequestFee };
  };
  /** J.10.3 g): 安全管理のために講じた措置 (those whose publication would not harm the safety). */
  safetyMeasures: readonly string[];
};

/** One published item: its clause, the heading of the page and its lines. */
export type PublicItemSection = { code: string; clause: string; heading: string; lines: string[] };

/** A setting the generator needed and did not find. */
export type PublicItemGap = { code: string; clause: string; field: string; message: string };

export type GeneratedPublicItems = {
  version: string;
  sections: PublicItemSection[];
  missing: PublicItemGap[];
};

const text = (value: string | null | undefined): string => value?.trim() ?? '';

const yen = new Intl.NumberFormat('ja-JP');

/** 手数料の表示: 「開示の手数料: 無料」 or 「開示の手数料: 1件につき300円（徴収方法: 現金書留）」. */
export function feeLine(label: string, fee: RequestFee): string {
  if (!fee || fee.amountYen === 0) return `${label}の手数料: 無料`;
  const method = text(fee.collectionMethod);
  return `${label}の手数料: 1件につき${yen.format(fee.amountYen)}円${method ? `（徴収方法: ${method}）` : ''}`;
}

/** The J.10.3 items in the seed's order (a)〜g)), each with its heading as the page shows it. */
const headings: Readonly<Record<string, string>> = Object.freeze({
  'J.10.3-a': '事業者の名称・住所・代表者',
  'J.10.3-b': '個人情報保護管理者',
  'J.10.3-c': '保有個人データの利用目的',
  'J.10.3-d': '苦情の申出先',
  'J.10.3-e': '認定個人情報保護団体',
  'J.10.3-f': '開示等の請求等に応じる手続',
  'J.10.3-g': '安全管理のために講じた措置',
});

/**
 * Generates the 公表事項 from the settings. Every J.10.3 item appears once, in order; e) only when
 * the organization is a 対象事業者 of a 認定個人情報保護団体.
 */
export function generatePublicItems(facts: PublicItemsFacts): GeneratedPublicItems {
  const sections: PublicItemSection[] = [];
  const missing: PublicItemGap[] = [];
  const clauseOf = (code: string) => publicItems.find((i) => i.code === code)?.clause ?? code;
  const need = (code: string, field: string, value: string | null | undefined, message: string): string => {
    const v = text(value);
    if (!v) missing.push({ code, clause: clauseOf(code), field, message: `${clauseOf(code)}: ${message}` });
    return v;
  };
  const section = (code: string, lines: string[]) => {
    sections.push({ code, clause: clauseOf(code), heading: headings[code] ?? code, lines: lines.filter((l) => l !== '') });
  };

  // J.10.3 a) 名称及び住所並びに代表者の氏名
  const name = need('J.10.3-a', 'organization.name', facts.organization.name, '事業者の名称が設定されていません');
  const address = need('J.10.3-a', 'organization.address', facts.organization.address, '事業者の住所が設定されていません');
  const representative = need('J.10.3-a', 'organization.representative', facts.organization.representative, '代表者の氏名が設定されていません');
  section('J.10.3-a', [name && `名称: ${name}`, address && `住所: ${address}`, representative && `代表者: ${representative}`]);

  // J.10.3 b) 個人情報保護管理者の氏名又は職名、所属及び連絡先
  const manager = need('J.10.3-b', 'manager.nameOrTitle', facts.manager.nameOrTitle, '個人情報保護管理者の氏名又は職名が設定されていません');
  const department = need('J.10.3-b', 'manager.department', facts.manager.department, '個人情報保護管理者の所属が設定されていません');
  const contact = need('J.10.3-b', 'manager.contact', facts.manager.contact, '個人情報保護管理者の連絡先が設定されていません');
  section('J.10.3-b', [manager && `氏名又は職名: ${manager}`, department && `所属: ${department}`, contact && `連絡先: ${contact}`]);

  // J.10.3 c) 全ての保有個人データの利用目的 (J.8.4 a)〜c) に該当する場合を除く)
  const purposes = facts.purposes
    .filter((p) => !p.exemptUnder)
    .map((p) => text(p.text))
    .filter((p) => p !== '');
  if (purposes.length === 0) {
    missing.push({ code: 'J.10.3-c', clause: clauseOf('J.10.3-c'), field: 'purposes', message: `${clauseOf('J.10.3-c')}: 公表する保有個人データの利用目的が一つもありません` });
  }
  section(
    'J.10.3-c',
    purposes.map((p) => `・${p}`),
  );

  // J.10.3 d) 保有個人データの取扱いに関する苦情の申出先
  const desk = need('J.10.3-d', 'complaintDesk', facts.complaintDesk, '苦情の申出先が設定されていません');
  section('J.10.3-d', [desk]);

  // J.10.3 e) 認定個人情報保護団体の対象事業者である場合に限り、その名称及び苦情の解決の申出先
  if (facts.accreditedBody) {
    const body = need('J.10.3-e', 'accreditedBody.name', facts.accreditedBody.name, '認定個人情報保護団体の名称が設定されていません');
    const bodyDesk = need('J.10.3-e', 'accreditedBody.complaintDesk', facts.accreditedBody.complaintDesk, '認定個人情報保護団体の苦情の解決の申出先が設定されていません');
    section('J.10.3-e', [body && `名称: ${body}`, bodyDesk && `苦情の解決の申出先: ${bodyDesk}`]);
  }

  // J.10.3 f) J.10.2 によって定めた手続 (J.10.2 1 a)〜d))
  const p = facts.procedure;
  const requestDesk = need('J.10.3-f', 'procedure.desk', p.desk, '開示等の請求等の申出先が設定されていません');
  const method = need('J.10.3-f', 'procedure.method', p.method, '開示等の請求等の方式（提出すべき書面の様式等）が設定されていません');
  const identity = need('J.10.3-f', 'procedure.identityCheck', p.identityCheck, '本人又は代理人であることの確認の方法が設定されていません');
  for (const [key, label] of [
    ['purposeNotice', '利用目的の通知'],
    ['disclosure', '開示'],
  ] as const) {
    const fee = p.fees[key];
    if (fee && fee.amountYen < 0) need('J.10.3-f', `procedure.fees.${key}.amountYen`, '', `${label}の手数料の額が正しくありません`);
    // J.10.2 1 d): 手数料を定めた場合に限り、その徴収方法を文書化する.
    if (fee && fee.amountYen > 0) need('J.10.3-f', `procedure.fees.${key}.collectionMethod`, fee.collectionMethod, `${label}の手数料の徴収方法が設定されていません`);
  }
  section('J.10.3-f', [
    requestDesk && `申出先: ${requestDesk}`,
    method && `請求の方式: ${method}`,
    identity && `本人又は代理人であることの確認の方法: ${identity}`,
    feeLine('利用目的の通知', p.fees.purposeNotice),
    feeLine('開示', p.fees.disclosure),
  ]);

  // J.10.3 g) 保有個人データの安全管理のために講じた措置
  const measures = facts.safetyMeasures.map(text).filter((m) => m !== '');
  if (measures.length === 0) {
    missing.push({ code: 'J.10.3-g', clause: clauseOf('J.10.3-g'), field: 'safetyMeasures', message: `${clauseOf('J.10.3-g')}: 安全管理のために講じた措置が設定されていません` });
  }
  section(
    'J.10.3-g',
    measures.map((m) => `・${m}`),
  );

  return { version: requiredItemsVersion, sections, missing };
}
