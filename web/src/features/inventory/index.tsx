import { DatabaseOutlined } from '@ant-design/icons';
import { defineFeature } from '../feature.ts';
import { useText } from './messages.ts';
import { inventoryRoutes } from './routes.tsx';

function InventoryLabel() {
  return <>{useText()('nav.inventory')}</>;
}

/** M1 個人情報管理台帳. */
export const inventoryFeature = defineFeature({
  name: 'inventory',
  routes: inventoryRoutes,
  menu: [{ path: '/inventory', icon: <DatabaseOutlined />, Label: InventoryLabel, need: 'inventory.read' }],
});
