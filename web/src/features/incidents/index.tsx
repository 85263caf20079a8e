import { AlertOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { defineFeature } from '../feature.ts';
import { navLabels } from './messages.ts';

// M4 緊急事態・事故等, one lazily loaded chunk per screen.
const IncidentsPage = lazy(() => import('./IncidentsPage.tsx'));
const ReportIncidentPage = lazy(() => import('./ReportIncidentPage.tsx'));
const IncidentDetailPage = lazy(() => import('./IncidentDetailPage.tsx'));

function IncidentsLabel() {
  const { locale } = useI18n();
  return <>{navLabels.incidents[locale]}</>;
}

export const incidentsFeature = defineFeature({
  name: 'incidents',
  routes: [
    { path: 'incidents', element: <IncidentsPage /> },
    { path: 'incidents/report', element: <ReportIncidentPage /> },
    { path: 'incidents/:id', element: <IncidentDetailPage /> },
  ],
  // Every 従業者 reports incidents (J.4.3.3), so the entry needs no permission.
  menu: [{ path: '/incidents', icon: <AlertOutlined />, Label: IncidentsLabel }],
});
