import { ToolOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { defineFeature } from '../feature.ts';
import { navLabels } from '../incidents/messages.ts';

// M10 是正処置, one lazily loaded chunk per screen.
const CorrectiveListPage = lazy(() => import('./CorrectiveListPage.tsx'));
const CorrectiveDetailPage = lazy(() => import('./CorrectiveDetailPage.tsx'));

function CorrectiveLabel() {
  const { locale } = useI18n();
  return <>{navLabels.corrective[locale]}</>;
}

export const correctiveFeature = defineFeature({
  name: 'corrective',
  routes: [
    { path: 'corrective-actions', element: <CorrectiveListPage /> },
    { path: 'corrective-actions/:id', element: <CorrectiveDetailPage /> },
  ],
  menu: [{ path: '/corrective-actions', icon: <ToolOutlined />, Label: CorrectiveLabel, need: 'corrective.read' }],
});
