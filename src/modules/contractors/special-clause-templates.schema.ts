import { z } from 'zod';
import { optionalText, requiredText, tooLongMessage } from '../../platform/validation/fields.ts';
import { TEMPLATE_LIMITS, templateProblems } from '../../rules/contractors/specialClauseTemplate.ts';
import { templateFieldLabels as L } from './special-clause-templates.labels.ts';

// Request schema of 自社のひな型 (issue 13). Every error names the article (「第4条（目的外利用）「制限」の
// 第1項を入力してください」); the text is kept as typed (never trimmed nor cut). Pure (zod): the web
// editor validates with this same schema before saving.

const variantInput = z.object(
  {
    code: z.string({ error: `${L.articles}の変種の指定が正しくありません` }),
    title: z.string({ error: `${L.articles}の見出しを入力してください` }),
    paragraphs: z.array(z.string({ error: `${L.articles}の項を入力してください` }), { error: `${L.articles}の項の指定が正しくありません` }),
  },
  { error: `${L.articles}の指定が正しくありません` },
);

const articleInput = z.object(
  {
    // The article's key is written by the editor, not typed; over-long, it is refused like any text (issue 10).
    key: z.string({ error: `${L.articles}の指定が正しくありません` }).max(40, { error: tooLongMessage(`${L.articles}の識別子`, 40) }),
    variants: z.array(variantInput, { error: `${L.articles}の変種の指定が正しくありません` }),
  },
  { error: `${L.articles}の指定が正しくありません` },
);

/** 自社のひな型の保存: the whole set as edited; saving adds the next version. */
export const saveTemplateBody = z.object({
  title: requiredText(L.title, TEMPLATE_LIMITS.title),
  note: optionalText(L.note, TEMPLATE_LIMITS.note),
  articles: z
    .array(articleInput, { error: `${L.articles}の指定が正しくありません` })
    // Generous bound before the checks run; the limit with its message is TEMPLATE_LIMITS.articles.
    .max(TEMPLATE_LIMITS.articles * 2, { error: `${L.articles}は${TEMPLATE_LIMITS.articles}条までです` })
    .superRefine((articles, ctx) => {
      for (const p of templateProblems(articles)) ctx.addIssue({ code: 'custom', path: p.path.slice(1), message: p.message });
    }),
});
export type SaveTemplateBody = z.output<typeof saveTemplateBody>;
