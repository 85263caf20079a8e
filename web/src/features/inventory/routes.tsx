import { lazy } from 'react';
import type { RouteObject } from 'react-router';

// The 台帳 screens (SPEC M1), one lazily loaded chunk per screen.
const InventoryPage = lazy(() => import('./InventoryPage.tsx'));
const EntryPage = lazy(() => import('./EntryPage.tsx'));
const RequestFormPage = lazy(() => import('./RequestFormPage.tsx'));
const RequestPage = lazy(() => import('./RequestPage.tsx').then((m) => ({ default: m.RequestPage })));
const RequestsPage = lazy(() => import('./RequestPage.tsx').then((m) => ({ default: m.RequestsPage })));
const ImportPage = lazy(() => import('./ImportPage.tsx'));
const ReviewsPage = lazy(() => import('./Reviews.tsx').then((m) => ({ default: () => <m.ReviewsPage subject="inventory" /> })));
const ReviewPage = lazy(() => import('./Reviews.tsx').then((m) => ({ default: () => <m.ReviewPage subject="inventory" /> })));

/** Children of the signed-in layout. */
export const inventoryRoutes: RouteObject[] = [
  { path: 'inventory', element: <InventoryPage /> },
  { path: 'inventory/entries/:id', element: <EntryPage /> },
  { path: 'inventory/requests', element: <RequestsPage /> },
  { path: 'inventory/requests/new', element: <RequestFormPage /> },
  { path: 'inventory/requests/:id', element: <RequestPage /> },
  { path: 'inventory/requests/:id/edit', element: <RequestFormPage /> },
  { path: 'inventory/import', element: <ImportPage /> },
  { path: 'inventory/reviews', element: <ReviewsPage /> },
  { path: 'inventory/reviews/:id', element: <ReviewPage /> },
];
