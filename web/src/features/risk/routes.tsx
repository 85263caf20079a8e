import { lazy } from 'react';
import type { RouteObject } from 'react-router';

// The リスク分析 screens (SPEC M2), one lazily loaded chunk per screen.
const RiskPage = lazy(() => import('./RiskPage.tsx'));
const AssessmentPage = lazy(() => import('./AssessmentPage.tsx'));
const ReviewsPage = lazy(() => import('../inventory/Reviews.tsx').then((m) => ({ default: () => <m.ReviewsPage subject="risk" /> })));
const ReviewPage = lazy(() => import('../inventory/Reviews.tsx').then((m) => ({ default: () => <m.ReviewPage subject="risk" /> })));

/** Children of the signed-in layout. */
export const riskRoutes: RouteObject[] = [
  { path: 'risk', element: <RiskPage /> },
  { path: 'risk/assessments/:id', element: <AssessmentPage /> },
  { path: 'risk/reviews', element: <ReviewsPage /> },
  { path: 'risk/reviews/:id', element: <ReviewPage /> },
];
