import { BookOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../feature.ts';
import { lawText } from './messages.ts';

// 法令規範一覧 (J.1.3), one lazily loaded chunk. J.1.3 b): every 従業者 sees it (no permission needed).
const LawsPage = lazy(() => import('./LawsPage.tsx'));
const LawReviewsPage = lazy(() => import('./LawReviewsPage.tsx'));
const LawReviewPage = lazy(() => import('./LawReviewPage.tsx'));

function LawsLabel() {
  return <>{lawText.nav}</>;
}

export const lawsFeature = defineFeature({
  name: 'laws',
  routes: [
    { path: 'laws', element: <LawsPage /> },
    { path: 'laws/reviews', element: <LawReviewsPage /> },
    { path: 'laws/reviews/:id', element: <LawReviewPage /> },
  ],
  menu: [{ path: '/laws', icon: <BookOutlined />, Label: LawsLabel }],
});
