import { FileDoneOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useAbility } from '../../session/session.tsx';
import type { EvaluationPrefill } from './types.ts';

/**
 * 「調査票の回答から下書き」 on the 委託先審査表 (J.9.4 t), issue #13: fills each item from the 委託先's
 * latest accepted 調査票 (はい→適, いいえ→不適, 該当なし→該当なし) with the answer it comes from, for
 * the evaluator to check and change. Shown to who may see the portal's exchanges (contractorPortal.manage).
 */
export function QuestionnairePrefillButton({ contractorId, onPrefill }: { contractorId: string; onPrefill: (items: EvaluationPrefill['items']) => void }) {
  const allowed = useAbility('contractorPortal.manage');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!allowed) return null;
  const load = async () => {
    setBusy(true);
    try {
      const prefill = await api.get<EvaluationPrefill>(`/api/contractor-portal/contractors/${contractorId}/questionnaire-prefill`);
      if (!prefill.exchangeId) message.info('受理した調査票がありません。委託先ポータルで調査票を依頼し、回答を受理すると使えます');
      else {
        onPrefill(prefill.items);
        message.success(`${prefill.acceptedOn?.replaceAll('-', '/')} に受理した調査票の回答で下書きしました（${prefill.items.length}項目）。項目ごとに確かめてください`);
        // J.9.4 s): answers to items the criteria in force no longer have are not carried over.
        if (prefill.notInCriteria.length > 0) message.warning(`調査票の評価項目 ${prefill.notInCriteria.join('、')} は現在の評価基準にないため、下書きに写していません`);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileDoneOutlined />} loading={busy} onClick={load} data-testid="ct-eval-prefill">
      調査票の回答から下書き
    </Button>
  );
}
