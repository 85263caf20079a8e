import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import { api } from '../../api/client.ts';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import { type ProvisionRecord, pathOf } from './api.ts';
import { emptyRecord, ProvisionRecordForm } from './ProvisionRecordForm.tsx';

/** 第三者提供記録・確認記録・個人関連情報の確認記録の作成 (J.8.8.2・J.8.8.3・J.8.8.4). */
export default function ProvisionRecordNewPage() {
  const navigate = useNavigate();
  return (
    <RequirePermission permission="notices.records">
      <PageHeader
        title="提供記録・確認記録の作成"
        lead="個人データを第三者に提供したとき（J.8.8.2）、第三者から提供を受けたとき（J.8.8.3）、個人関連情報を個人データとして取得する第三者に提供したとき・個人データとして取得するために提供を受けたとき（J.8.8.4）の記録です。求められる記録事項が揃わないと保存できません。"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/notices/provision-records')}>
            一覧へ戻る
          </Button>
        }
      />
      <ProvisionRecordForm
        initial={emptyRecord}
        save={(input) => api.post<ProvisionRecord>(pathOf(noticesContract.createProvisionRecord), input)}
        savedMessage="記録を保存しました"
      />
    </RequirePermission>
  );
}
