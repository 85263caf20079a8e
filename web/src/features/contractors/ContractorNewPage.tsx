import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import { ContractorForm } from './ContractorForm.tsx';
import { useContractorText } from './messages.ts';

/** 委託先の登録 (J.9.4 4). */
export default function ContractorNewPage() {
  const ct = useContractorText();
  const navigate = useNavigate();
  return (
    <RequirePermission permission="contractors.manage">
      <PageHeader
        title={ct('ct.new')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/contractors')}>
            {ct('ct.back')}
          </Button>
        }
      />
      <ContractorForm onSaved={(id) => navigate(`/contractors/${id}`)} />
    </RequirePermission>
  );
}
