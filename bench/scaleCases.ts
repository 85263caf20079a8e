/** The lists bench/scale.ts measures, shared with the bare HTTP floor server (bench/scaleFloorServer.ts). */
import type { EntriesQuery } from '../src/modules/inventory/inventory.schema.ts';

export const PER_ORG = Number(process.env.BENCH_PER_ORG ?? 10_000);
const DEEP_PAGE = Math.max(2, Math.floor(PER_ORG / 250));

export type Case = { label: string; query: EntriesQuery; qs: string };

export function cases(departmentId: string): Case[] {
  const base = {
    status: 'active',
    sort: 'name',
    flags: [],
    q: undefined,
    departmentId: null,
    media: undefined,
    riskStatus: undefined,
    page: 1,
    pageSize: 50,
  } as unknown as EntriesQuery;
  return [
    { label: '一覧（既定の並び、1ページ目）', query: { ...base }, qs: 'page=1&pageSize=50' },
    { label: `一覧（${DEEP_PAGE}ページ目）`, query: { ...base, page: DEEP_PAGE }, qs: `page=${DEEP_PAGE}&pageSize=50` },
    {
      label: '絞り込み（所属 + 保有個人データ）',
      query: { ...base, departmentId, flags: ['retainedPersonalData'] } as EntriesQuery,
      qs: `departmentId=${departmentId}&flags=retainedPersonalData&page=1&pageSize=50`,
    },
    { label: '検索（まれな語「地下書庫」）', query: { ...base, q: '地下書庫' }, qs: `q=${encodeURIComponent('地下書庫')}&page=1&pageSize=50` },
    { label: '検索（よくある語「アンケート」）', query: { ...base, q: 'アンケート' }, qs: `q=${encodeURIComponent('アンケート')}&page=1&pageSize=50` },
  ];
}
