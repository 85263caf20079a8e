import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { contractorsContract } from '../../../../src/modules/contractors/contractors.contract.ts';
import { ORGANIZATION_TEMPLATE_NAME } from '../../../../src/modules/contractors/special-clause-templates.labels.ts';
import type { SpecialClauseChoiceKey } from '../../../../src/rules/data/specialClauses/types.ts';
import {
  availableVariants,
  defaultSpecialClauseChoices,
  type SpecialClauseChoices,
  type SpecialClauseTemplateCode,
  specialClauseChoiceLabels,
  specialClauseTemplateCodes,
  specialClauseTemplateSets,
  specialClauseVariantLabels,
} from '../../../../src/rules/contractors/specialClauses.ts';
import { handledInformationArticle } from '../../../../src/rules/contractors/specialClauseTemplate.ts';
import { download } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { useT } from '../../i18n/index.tsx';
import { pathOf, useSpecialClauseTemplate } from './api.ts';
import { handledInfoHint, useTemplateText } from './templateMessages.ts';

/**
 * 個人情報特記事項 (issue 13): choose the template set (豊島区 資料A / 資料B, 民間事業者向け J.9.4 3)
 * and each article's variant (禁止 / 制限, 返還 / 廃棄, 立入検査 with 規則第43条), then download the
 * .docx or the PDF. 取り扱う個人情報 comes from the 台帳 entries linked to the 委託先. 「自社のひな型」 uses
 * the organization's current version (特記事項のひな型 page); its articles have the 民間事業者向け variants.
 */

/** The generator's choices: the built-in sets and the organization's own (自社のひな型). */
type TemplateChoice = SpecialClauseTemplateCode | 'organization';
// 自社のひな型 keeps the 民間事業者向け variants of the built-in articles it has (an organization may
// remove articles: their choice is not offered).
const structureOf = (code: TemplateChoice): SpecialClauseTemplateCode => (code === 'organization' ? 'privateCompany' : code);
export function SpecialClausesCard({ contractorId, contractorName }: { contractorId: string; contractorName: string }) {
  const tc = useT();
  const tp = useTemplateText();
  const { message } = App.useApp();
  const [template, setTemplate] = useState<TemplateChoice>('toshimaCurrent');
  const own = useSpecialClauseTemplate();
  const [choices, setChoices] = useState<SpecialClauseChoices>(defaultSpecialClauseChoices);
  const keys = Object.keys(specialClauseChoiceLabels) as SpecialClauseChoiceKey[];

  const pickTemplate = (code: TemplateChoice) => {
    setTemplate(code);
    // A variant the new set does not offer (資料A has no 規則第43条 paragraph) falls back to its first.
    setChoices((current) => {
      const next = { ...current } as Record<SpecialClauseChoiceKey, string>;
      for (const key of keys) {
        const offered = availableVariants(structureOf(code), key);
        if (offered.length > 0 && !offered.includes(next[key])) next[key] = offered[0] as string;
      }
      return next as SpecialClauseChoices;
    });
  };

  // The article the linked 台帳 entries fill, where the chosen set has it: for 自社のひな型 the server
  // says it (the organization may have moved or removed it); a built-in set's is fixed (第2条).
  const handledInfo =
    template === 'organization'
      ? own.data && { article: own.data.current.handledInfoArticle, templateName: `${ORGANIZATION_TEMPLATE_NAME}（${own.data.current.versionLabel}）` }
      : { article: handledInformationArticle(specialClauseTemplateSets[template]), templateName: specialClauseTemplateSets[template].name };

  const fetchFile = (route: typeof contractorsContract.specialClausesDocx | typeof contractorsContract.specialClausesPdf, extension: string) => {
    const query = new URLSearchParams({ template, ...choices }).toString();
    download(`${pathOf(route, { id: contractorId })}?${query}`, `個人情報特記事項_${contractorName}.${extension}`).catch((error: unknown) =>
      message.error(errorMessage(error, tc)),
    );
  };

  return (
    <Card size="small" title="個人情報特記事項" data-testid="special-clauses">
      <Form layout="vertical" size="small">
        <Form.Item label="ひな型">
          <Radio.Group value={template} onChange={(e) => pickTemplate(e.target.value as TemplateChoice)} data-testid="sc-template">
            {specialClauseTemplateCodes.map((code) => (
              <Radio key={code} value={code}>
                {specialClauseTemplateSets[code].name}
              </Radio>
            ))}
            <Radio value="organization">
              {ORGANIZATION_TEMPLATE_NAME}
              {own.data ? `（${own.data.current.versionLabel}）` : ''}
            </Radio>
          </Radio.Group>
          <div>
            <Link to="/contractors/special-clause-template" style={{ textDecoration: 'underline' }} data-testid="sc-template-link">
              自社のひな型を見る・編集する
            </Link>
          </div>
        </Form.Item>
        {keys.map((key) => {
          if (template === 'organization' && own.data && !own.data.current.articles.some((a) => a.key === key)) return null;
          const offered = availableVariants(structureOf(template), key);
          return (
            <Form.Item key={key} label={specialClauseChoiceLabels[key]}>
              <Radio.Group value={choices[key]} onChange={(e) => setChoices((c) => ({ ...c, [key]: e.target.value }))} data-testid={`sc-${key}`}>
                {offered.map((variant) => (
                  <Radio key={variant} value={variant}>
                    {specialClauseVariantLabels[variant] ?? variant}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          );
        })}
        {handledInfo ? (
          <Typography.Paragraph type="secondary" data-testid="sc-handled-info">
            {handledInfoHint(tp, handledInfo.article, handledInfo.templateName)}
          </Typography.Paragraph>
        ) : null}
        <Space>
          <Button icon={<FileWordOutlined />} onClick={() => fetchFile(contractorsContract.specialClausesDocx, 'docx')} data-testid="sc-docx">
            Word（.docx）
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => fetchFile(contractorsContract.specialClausesPdf, 'pdf')} data-testid="sc-pdf">
            PDF
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
