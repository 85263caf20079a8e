import type { SpecialClauseTemplateSet } from './types.ts';

/**
 * 民間事業者向けの個人情報特記事項 (SPEC M7, issue 13): built like the 豊島区 templates, each article
 * naming the JIS Q 15001 J.9.4 3 item it covers (seeds/003: a) 委託者及び受託者の責任の明確化,
 * b) 個人データの安全管理に関する事項, c) 再委託に関する事項, d) 個人データの取扱状況に関する委託者への
 * 報告の内容及び頻度, e) 契約内容が遵守されていることを委託者が、定期的に、及び適宜に確認できる事項,
 * f) 契約内容が遵守されなかった場合の措置, g) 事件・事故が発生した場合の報告・連絡に関する事項,
 * h) 契約終了後の措置). The 禁止 / 制限 wording follows the 豊島区 pattern (「ただし、…甲の承認を受けた
 * ときは、この限りでない。」). An organization edits a copy; this one stays as the default.
 */
export const privateCompany: SpecialClauseTemplateSet = {
  code: 'privateCompany',
  name: '民間事業者向け 特記事項（J.9.4 3）',
  source: 'JIS Q 15001:2023 J.9.4 3 a)〜h)',
  title: '個人情報の取扱いに関する特記事項',
  articles: [
    {
      kind: 'fixed',
      key: 'basicDuty', // J.9.4 3 a)
      text: {
        title: '委託者及び受託者の責任',
        paragraphs: [
          '○○業務の受託事業者（以下「乙」という。）は、委託者（以下「甲」という。）から委託を受けた個人データの取扱いについて、甲と乙の責任を本特記事項に定めるとおり明確にし、関係法令及び本特記事項を遵守しなければならない。',
        ],
      },
    },
    {
      kind: 'handledInformation',
      key: 'handledInformation',
      title: '取り扱う個人情報の範囲等',
      extraParagraphs: ['乙は、受託業務に係る個人情報を取り扱う作業責任者及び作業従事者の氏名を、あらかじめ甲に報告しなくてはならない。変更するときも、同様とする。'],
    },
    {
      kind: 'fixed',
      key: 'safetyMeasures', // J.9.4 3 b)
      text: {
        title: '安全管理措置',
        paragraphs: [
          '乙は、取り扱う個人情報の漏えい、滅失又は毀損の防止その他の安全管理のために必要かつ適切な措置を講じなければならない。',
          '乙は、受託業務に従事している者に対して、必要かつ適切な監督及び教育を行わなければならない。',
        ],
      },
    },
    {
      kind: 'variant',
      key: 'purposeUse',
      choice: 'prohibitOrRestrict',
      variants: {
        prohibit: { title: '目的外利用の禁止', paragraphs: ['乙は、取り扱う個人情報を受託業務の目的以外の目的で利用してはならない。'] },
        restrict: {
          title: '目的外利用の制限',
          paragraphs: ['乙は、取り扱う個人情報を受託業務の目的以外の目的で利用してはならない。ただし、あらかじめ甲の書面による承認を受けたときは、この限りでない。'],
        },
      },
    },
    {
      kind: 'variant',
      key: 'externalProvision',
      choice: 'prohibitOrRestrict',
      variants: {
        prohibit: { title: '第三者提供の禁止', paragraphs: ['乙は、取り扱う個人情報を第三者に提供してはならない。'] },
        restrict: {
          title: '第三者提供の制限',
          paragraphs: ['乙は、取り扱う個人情報を第三者に提供してはならない。ただし、あらかじめ甲の書面による承認を受けたときは、この限りでない。'],
        },
      },
    },
    {
      kind: 'variant',
      key: 'subcontracting', // J.9.4 3 c)
      choice: 'prohibitOrRestrict',
      variants: {
        prohibit: { title: '再委託の禁止', paragraphs: ['乙は、受託業務の処理を第三者に再委託してはならない。'] },
        restrict: {
          title: '再委託の制限',
          paragraphs: [
            '乙は、受託業務の処理を第三者に再委託してはならない。ただし、業務の着手前に書面により甲に申請し、その承認を得たときは、受託業務の一部を再委託できるものとする。',
            '前項の場合、乙は、再委託先に本特記事項に基づく一切の義務を遵守させるとともに、再委託先を監督し、甲に対して再委託先の全ての行為及びその結果について責任を負うものとする。',
          ],
        },
      },
    },
    {
      kind: 'variant',
      key: 'copying',
      choice: 'prohibitOrRestrict',
      variants: {
        prohibit: { title: '複写又は複製の禁止', paragraphs: ['乙は、取り扱う個人情報を複写又は複製してはならない。'] },
        restrict: {
          title: '複写又は複製の制限',
          paragraphs: ['乙は、取り扱う個人情報を複写又は複製してはならない。ただし、受託業務の処理上必要であると認められる場合において、甲の承認を受けたときは、この限りでない。'],
        },
        restrictToSpec: {
          title: '複写又は複製の制限',
          paragraphs: ['乙は、仕様書に記載した受託業務の処理の範囲を超えて、取り扱う個人情報を複写又は複製してはならない。'],
        },
      },
    },
    {
      kind: 'variant',
      key: 'takingOut',
      choice: 'prohibitOrRestrict',
      variants: {
        prohibit: { title: '持ち出しの禁止', paragraphs: ['乙は、取り扱う個人情報を事業所内から持ち出しをしてはならない。'] },
        restrict: {
          title: '持ち出しの制限',
          paragraphs: [
            '乙は、取り扱う個人情報を事業所内から持ち出しをしてはならない。ただし、受託業務の処理上必要であると認められる場合において、甲の承認を受けたときは、この限りではない。この場合は、持ち出し記録（持ち出し事由・日時・返却日時・担当者等）を作成しなければならない。',
          ],
        },
      },
    },
    {
      kind: 'fixed',
      key: 'report', // J.9.4 3 d)
      text: {
        title: '取扱状況の報告',
        paragraphs: ['乙は、契約履行中において、個人データの取扱状況を、甲と定めた内容及び頻度により甲に報告しなければならない。'],
      },
    },
    {
      kind: 'variant',
      key: 'inspection', // J.9.4 3 e)
      choice: 'inspection',
      variants: {
        plain: {
          title: '遵守状況の確認',
          paragraphs: [
            '甲は、本特記事項が遵守されていることを定期的に及び適宜に確認するため、乙に対し報告を求め、又は受託業務を処理する施設等の立入検査及び調査を行うことができるものとし、乙はこれに応じなければならない。',
          ],
        },
        rule43: {
          title: '遵守状況の確認',
          paragraphs: [
            '甲は、本特記事項が遵守されていることを定期的に及び適宜に確認するため、乙に対し報告を求め、又は受託業務を処理する施設等の立入検査及び調査を行うことができるものとし、乙はこれに応じなければならない。\nまた、取り扱う個人データの内容やその量等が個人情報の保護に関する法律施行規則第7条各号のいずれかに該当する事態が発生するおそれがある場合は、作業の管理体制や実施体制や個人情報の管理の状況について、少なくとも年1回以上、原則として実地検査により確認するものとする。',
          ],
        },
      },
    },
    {
      kind: 'fixed',
      key: 'incident', // J.9.4 3 g)
      text: {
        title: '事故発生時の報告・連絡',
        paragraphs: [
          '乙は、取り扱う個人情報の漏えい等の事故が発生した場合又はそのおそれのある場合には、その事故の発生に係る帰責の有無に関わらず、直ちに甲に対して、当該事故に関わる個人情報の内容、件数、事故の発生場所、発生状況等を報告し、甲の指示に従わなければならない。',
        ],
      },
    },
    {
      kind: 'variant',
      key: 'returnOrDisposal', // J.9.4 3 h)
      choice: 'returnOrDispose',
      variants: {
        return: {
          title: '契約終了後の措置（資料等の返還）',
          paragraphs: ['乙は、受託業務が終了したときは、取り扱う個人情報が記録された資料等（複写又は複製したものを含む。）を、速やかに、甲に返還しなければならない。'],
        },
        dispose: {
          title: '契約終了後の措置（資料等の返還又は廃棄）',
          paragraphs: [
            '乙は、受託業務が終了したときは、取り扱う個人情報が記録された資料等（複写又は複製したものを含む。）を、速やかに、甲に返還しなければならない。ただし、甲の承認を受けたときは、当該資料等を廃棄できるものとする。',
            '乙は、前項ただし書の規定により廃棄したときは、廃棄を行った日時、担当者名及びその方法を記録し、書面により甲に報告しなければならない。',
          ],
        },
      },
    },
    {
      kind: 'fixed',
      key: 'termination', // J.9.4 3 f)
      text: {
        title: '契約違反の場合の措置',
        paragraphs: [
          '乙が本特記事項に違反したときは、甲は契約を解除することができる。',
          '本特記事項に違反する行為によって甲が損害を受けたときは、乙はその損害を賠償しなければならない。受託業務が終了した後も同様とする。',
        ],
      },
    },
  ],
};
