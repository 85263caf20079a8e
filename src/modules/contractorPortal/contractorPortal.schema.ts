import { z } from 'zod';
import { dateField, enumField, idField, optionalText, requiredText, textUpTo } from '../../platform/validation/fields.ts';
import { exchangeKinds } from './contractorPortal.labels.ts';

export const idParams = z.object({ id: idField('ID') });

/** 委託先の招待: which contractor of the register, and the address of its person in charge. */
export const invitationBody = z.object({
  contractorId: idField('委託先'),
  email: textUpTo('招待するメールアドレス', 254).pipe(z.email({ error: '招待するメールアドレスの形式が正しくありません' })),
});

export const acceptBody = z.object({ token: requiredText('招待のコード', 100) });

export const linksQuery = z.object({ contractorId: idField('委託先').optional() });

/** 依頼: what the 委託元 asks for and by when. */
export const exchangeRequestBody = z.object({
  kind: enumField('依頼の種類', exchangeKinds),
  dueOn: dateField('提出期限'),
});

/** 遵守報告書の回答: each item はい／いいえ with its details. */
export const complianceAnswerBody = z.object({
  answeredByName: requiredText('回答者の氏名', 100),
  answers: z
    .array(
      z.object({
        number: z
          .number({ error: '項目の番号が正しくありません' })
          .int({ error: '項目の番号が正しくありません' })
          .min(1, { error: '項目の番号が正しくありません' })
          .max(9, { error: '項目の番号が正しくありません' }),
        answer: z.enum(['yes', 'no'], { error: '「はい」か「いいえ」を選んでください' }),
        details: optionalText('具体的内容', 2000),
      }),
      { error: '回答は一覧で送ってください' },
    )
    .max(9, { error: '回答は9項目までです' }),
});

export const reviewBody = z.object({
  decision: z.enum(['accepted', 'returned'], { error: '「確認済み」か「差戻し」を選んでください' }),
  note: optionalText('確認のコメント', 2000),
});
