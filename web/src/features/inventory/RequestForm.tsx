import { Alert, Button, Card, Col, Input, Row, Space } from 'antd';
import { Field, FormLayout } from '../../components/form.tsx';
import { useText } from './messages.ts';
import { RequestBasicSection } from './RequestBasicSection.tsx';
import { RequestClassSection } from './RequestClassSection.tsx';
import { RequestPreviewPanel } from './RequestPreviewPanel.tsx';
import { RequestProvisionSection } from './RequestProvisionSection.tsx';
import type { ProposedContent } from './requestFormValues.ts';
import { useRequestForm } from './useRequestForm.ts';

/** The request form: the proposed ledger content in sections, the reason (and notice draft), and the preview beside it. */
export function RequestForm(props: {
  initial: ProposedContent;
  kind: 'acquisition' | 'change';
  entryId: string | null;
  reviewId: string | null;
  requestId: string | null;
  knownPeople: { value: string; label: string }[];
  reason: string;
  noticeDraft: string;
}) {
  const { kind, knownPeople } = props;
  const tx = useText();
  const { control: c, formError, sending, proposed, sensitiveBasis, preview, send } = useRequestForm(props);
  return (
    <FormLayout onSubmit={async () => send(true)}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="request-error" /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <RequestBasicSection control={c} proposed={proposed} knownPeople={knownPeople} />
          <RequestClassSection control={c} proposed={proposed} sensitiveBasis={sensitiveBasis} />
          <RequestProvisionSection control={c} kind={kind} />
          <Card style={{ marginBottom: 16 }}>
            <Field control={c} name="reason" label={tx('req.reason')} required>
              {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} />}
            </Field>
            {kind === 'acquisition' ? (
              <Field control={c} name="noticeDraft" label={tx('req.noticeDraft')} extra="J.8.5 1 a)〜h) の事項を含めてください（右の「通知・同意・記録の義務」を参照）">
                {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={4} />}
              </Field>
            ) : null}
            <Space>
              <Button type="primary" onClick={() => send(true)} loading={sending === 'submit'} data-testid="request-submit">
                {tx('req.submit')}
              </Button>
              <Button onClick={() => send(false)} loading={sending === 'draft'} data-testid="request-save-draft">
                {tx('req.saveDraft')}
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <RequestPreviewPanel preview={preview} />
        </Col>
      </Row>
    </FormLayout>
  );
}
