import { RadarChartOutlined } from '@ant-design/icons';
import { defineFeature } from '../feature.ts';
import { useText } from '../inventory/messages.ts';
import { riskRoutes } from './routes.tsx';

function RiskLabel() {
  return <>{useText()('nav.risk')}</>;
}

/** M2 リスク分析対策表. */
export const riskFeature = defineFeature({
  name: 'risk',
  routes: riskRoutes,
  menu: [{ path: '/risk', icon: <RadarChartOutlined />, Label: RiskLabel, need: 'risk.read' }],
});
