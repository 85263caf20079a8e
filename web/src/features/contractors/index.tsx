import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';
import { useContractorText } from './messages.ts';

// M7 委託先管理, one lazily loaded chunk per screen.
const ContractorListPage = lazy(() => import('./ContractorListPage.tsx'));
const ContractorDetailPage = lazy(() => import('./ContractorDetailPage.tsx'));
const ContractorNewPage = lazy(() => import('./ContractorNewPage.tsx'));

function ContractorsLabel() {
  const ct = useContractorText();
  return <>{ct('ct.nav')}</>;
}

export const contractorsFeature = defineFeature({
  name: 'contractors',
  routes: [
    { path: 'contractors', element: <ContractorListPage /> },
    { path: 'contractors/new', element: <ContractorNewPage /> },
    { path: 'contractors/:id', element: <ContractorDetailPage /> },
  ],
  menu: [{ path: '/contractors', icon: <ShopOutlined />, Label: ContractorsLabel, need: 'contractors.read' }],
});
