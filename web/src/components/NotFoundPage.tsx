import { useT } from '../i18n/index.tsx';
import { NotFoundResult } from './page.tsx';

export default function NotFoundPage() {
  const t = useT();
  return <NotFoundResult message={t('common.notFound')} />;
}
