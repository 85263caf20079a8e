import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';
import { useContractorText } from './messages.ts';

// M7 委託先管理, one lazily loaded chunk per screen.
const ContractorListPage = lazy(() => import('./ContractorListPage.tsx'));
const ContractorDetailPage = lazy(() => import('./ContractorDetailPage.tsx'));
const ContractorNewPage = lazy(() => import('./ContractorNewPage.tsx'));
const CriteriaPage = lazy(() => import('./CriteriaPage.tsx'));
const TemplatePage = lazy(() => import('./TemplatePage.tsx'));

function ContractorsLabel() {
  const ct = useContractorText();
  return <>{ct('ct.nav')}</>;
}

export const contractorsFeature = defineFeature({
  name: 'contractors',
  routes: [
    { path: 'contractors', element: <ContractorListPage /> },
    { path: 'contractors/new', element: <ContractorNewPage /> },
    // J.9.4 s) 委託先の選定・評価基準 (before :id so 「criteria」 is not read as an id).
    { path: 'contractors/criteria', element: <CriteriaPage /> },
    // 特記事項のひな型 (自社のひな型, issue 13).
    { path: 'contractors/special-clause-template', element: <TemplatePage /> },
    { path: 'contractors/:id', element: <ContractorDetailPage /> },
  ],
  menu: [{ path: '/contractors', icon: <ShopOutlined />, Label: ContractorsLabel, need: 'contractors.read' }],
});
