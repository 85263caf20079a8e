import { describe, expect, it } from 'vitest';
import { checkRelatedInfoNotice, relatedInfoNoticeItemsByProvider, relatedInfoNoticeItemsByRecipient } from './relatedInfoNotice.ts';

// J.8.8.4 1: 個人関連情報を個人データとして取得することを認める旨の同意を得る際に通知又は明示する事項.

const missing = (party: 'recipient' | 'provider', ticked: string[], text?: string) => checkRelatedInfoNotice({ party, ticked, text }).missing.map((i) => `${i.clause} ${i.text}`);

const allBut = (items: readonly { code: string }[], n: number) => items.filter((_, i) => i !== n - 1).map((i) => i.code);

describe('J.8.8.4 1《同意を取得する主体が個人関連情報の提供先である場合に、提供先が本人に対して通知又は明示する事項》', () => {
  const cases: [number, string][] = [
    [1, '提供先の事業者の名称又は氏名'],
    [2, '提供先の事業者の個人情報保護管理者（若しくはその代理人）の氏名又は職名、所属及び連絡先'],
    [3, '個人関連情報の提供を受けて個人データとして取得した後の利用目的'],
    [4, '個人関連情報の項目'],
    [5, '個人関連情報の取得方法'],
    [6, '個人関連情報の取扱いに関する契約がある場合はその旨'],
  ];
  for (const [n, text] of cases) {
    it(`${n}) ${text}`, () => {
      expect(missing('recipient', allBut(relatedInfoNoticeItemsByRecipient, n))).toEqual([`J.8.8.4 1 ${n}) ${text}`]);
    });
  }

  it('全て記載されていれば不足はなく、空なら 1)〜6) の6件', () => {
    expect(
      missing(
        'recipient',
        relatedInfoNoticeItemsByRecipient.map((i) => i.code),
      ),
    ).toEqual([]);
    expect(missing('recipient', [])).toHaveLength(6);
  });
});

describe('J.8.8.4 1《同意を取得する主体が個人関連情報の提供元である場合に、提供元が本人に対して通知又は明示する事項》', () => {
  const cases: [number, string][] = [
    [1, '提供元の事業者の名称又は氏名'],
    [2, '提供元の事業者の個人情報保護管理者（若しくはその代理人）の氏名又は職名、所属及び連絡先'],
    [3, '個人関連情報の提供を受けて個人データとして取得した後の利用目的'],
    [4, '個人関連情報の項目'],
    [5, '提供する手段又は方法'],
    [6, '個人関連情報の提供を受けて個人データとして取得する者'],
    [7, '個人関連情報の取扱いに関する契約がある場合はその旨'],
  ];
  for (const [n, text] of cases) {
    it(`${n}) ${text}`, () => {
      expect(missing('provider', allBut(relatedInfoNoticeItemsByProvider, n))).toEqual([`J.8.8.4 1 ${n}) ${text}`]);
    });
  }

  it('空なら 1)〜7) の7件', () => {
    expect(missing('provider', [])).toHaveLength(7);
  });

  it('本文の語（「取得する者」）は記載の手がかりとして数える', () => {
    const result = checkRelatedInfoNotice({ party: 'provider', ticked: allBut(relatedInfoNoticeItemsByProvider, 6), text: '個人データとして取得する者：株式会社見本' });
    expect(result.missing).toEqual([]);
    expect(result.present.find((p) => p.item.clause === 'J.8.8.4 1 6)')?.by).toBe('text');
  });
});
