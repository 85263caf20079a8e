import { LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { storageMediumLabels } from '../../../../src/rules/inventoryRules.ts';
import { api, withQuery } from '../../api/client.ts';
import type { Paged } from '../../api/types.ts';
import type { EntryListItem } from '../inventory/types.ts';
import { useIncidentT } from './messages.ts';

/** What picking a 台帳 entry offers to an affected-record row (the row keeps what was typed; see onPick). */
export type PickedEntry = { id: string; name: string; items: string | null; persons: number | null; medium: string | null };

/**
 * 台帳から選ぶ: links an affected 個人情報 of an incident to its 個人情報管理台帳 entry (SPEC M4 ↔ M1),
 * searching the entries the person may read. The link shows as the entry's name, opening it.
 */
export function AffectedEntryPicker({
  entryId,
  entryName,
  disabled,
  onPick,
  onUnlink,
}: {
  entryId: string | null;
  entryName: string;
  disabled: boolean;
  onPick: (entry: PickedEntry) => void;
  onUnlink: () => void;
}) {
  const t = useIncidentT();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const entries = useQuery({
    queryKey: ['inventory', 'entries', 'picker', q],
    queryFn: () => api.get<Paged<EntryListItem>>(withQuery('/api/inventory/entries', { q: q || undefined, status: 'active', pageSize: 20 })),
    enabled: open,
  });
  if (entryId) {
    return (
      <Space size={4} wrap>
        <LinkOutlined />
        <Typography.Text type="secondary">{t('record.linkedEntry')}</Typography.Text>
        <Link to={`/inventory/entries/${entryId}`}>{entryName}</Link>
        {disabled ? null : (
          <Button size="small" type="link" onClick={onUnlink}>
            {t('record.unlinkEntry')}
          </Button>
        )}
      </Space>
    );
  }
  if (disabled) return null;
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('record.pickEntry')}
      aria-label={t('record.pickEntry')}
      style={{ width: '100%', maxWidth: 480 }}
      onOpenChange={setOpen}
      loading={entries.isFetching}
      notFoundContent={entries.isFetching ? null : t('record.noEntry')}
      options={(entries.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.departmentName}）` }))}
      value={null}
      onChange={(id) => {
        const e = entries.data?.items.find((x) => x.id === id);
        if (!e) return;
        onPick({
          id: e.id,
          name: e.name,
          items: e.items.length > 0 ? e.items.join('・') : null,
          persons: e.recordCount,
          medium: e.storageMedia ? storageMediumLabels[e.storageMedia] : null,
        });
      }}
    />
  );
}
