import { z } from 'zod';
import { enumField, optionalText } from '../../platform/validation/fields.ts';

// Query of the 個人情報特記事項 downloads (issue 13): the template set and each article's variant
// (豊島区 資料A / 資料B, 民間事業者向け J.9.4 3, or `organization`: 自社のひな型, the organization's current version). Japanese messages naming each field; the defaults are
// the seeds' main text (禁止, 返還, 規則第43条の段落なし).

const prohibitOrRestrict = (label: string) => enumField(label, ['prohibit', 'restrict']).default('prohibit');

export const specialClausesQuery = z.object({
  template: enumField('ひな型', ['toshimaOrdinanceEra', 'toshimaCurrent', 'privateCompany', 'organization']).default('toshimaCurrent'),
  purposeUse: prohibitOrRestrict('目的外利用'),
  externalProvision: prohibitOrRestrict('外部提供'),
  subcontracting: prohibitOrRestrict('再委託'),
  copying: enumField('複写・複製', ['prohibit', 'restrict', 'restrictToSpec']).default('prohibit'),
  takingOut: prohibitOrRestrict('持ち出し'),
  returnOrDisposal: enumField('資料等の返還・廃棄', ['return', 'dispose']).default('return'),
  inspection: enumField('立入検査', ['plain', 'rule43']).default('plain'),
  /** 業務名: the contract's 委託する業務 unless given. */
  businessName: optionalText('業務名', 200),
});
export type SpecialClausesQuery = z.output<typeof specialClausesQuery>;
