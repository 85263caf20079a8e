import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { approvalsContract } from '../../platform/approvals/approvals.contract.ts';
import { readAllSheets } from '../../platform/exports/xlsx.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { setagayaQuestionnaire } from '../../rules/data/contractorCriteria.ts';
import { contractorCriteriaContract as K } from './contractor-criteria.contract.ts';
import { contractorsContract as C } from './contractors.contract.ts';
import { contractorEvaluations } from './contractors.tables.ts';

// 委託先の選定・評価基準の版 (J.9.4 s) 「個人情報保護管理者は毎年 12 月に委託先の選定基準を見直し、
// 「委託先審査表」に定める」) against a real database and HTTP: the built-in 調査票 is in force until the
// organization's own version is approved through the approvals engine (トップマネジメント); new
// evaluations (J.9.4 t)) use the approved version, an older evaluation keeps and is scored with its own.

let t: TestApp;
let pms: Client;
let top: Client;
let sales: Client;
let staff: Client;
let mailingId = '';

const items = setagayaQuestionnaire.items.map((i) => ({ code: i.code, text: i.text, coversOthers: i.coversOthers === true }));
const tenth = { code: '10', text: '委託先従業者に対する個人情報保護教育の実施', coversOthers: false };

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-02T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  mailingId = (await pms.call(C.list, { query: { q: 'デモ発送' } })).body.items[0]?.id ?? '';
});
afterAll(() => t.close());

async function approveAsTop(approvalRequestId: string) {
  const r = await top.call(approvalsContract.approve, { params: { id: approvalRequestId }, body: {} });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

describe('委託先の選定・評価基準（J.9.4 s) 毎年 12 月の見直し）', () => {
  it('自組織の版がないうちは、既定の世田谷区 個人情報管理状況調査票 9 項目が「承認済み（適用中）」', async () => {
    const r = await sales.call(K.list, {});
    expect(r.status).toBe(200);
    expect(r.body.current).toMatchObject({ id: null, versionLabel: '既定', name: '個人情報管理状況調査票', statusLabel: '承認済み（適用中）' });
    expect(r.body.current.items).toHaveLength(9);
    expect(r.body.open).toBeNull();
    expect(r.body.abilities.edit).toBe(false);
    expect((await pms.call(K.list, {})).body.abilities.edit).toBe(true);
  });

  it('評価項目の検査: 項目なし・文言なし・番号の重複・長すぎる文言は、項目の位置を名指す日本語で 400、何も書かれない', async () => {
    const none = await pms.call(K.saveDraft, { body: { name: '委託先審査表', items: [] } });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('評価項目を1つ以上入力してください');
    const blank = await pms.call(K.saveDraft, { body: { name: '委託先審査表', items: [items[0]!, items[1]!, { code: '3', text: '   ' }] } });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toContain('"path":"items.2.text","message":"評価項目 3 の文言を入力してください"');
    const dup = await pms.call(K.saveDraft, { body: { name: '委託先審査表', items: [...items, { code: '2', text: '重複した番号' }] } });
    expect(dup.status).toBe(400);
    expect(JSON.stringify(dup.body)).toContain('評価項目 10 の番号「2」は評価項目 2 と重複しています');
    const long = await pms.call(K.saveDraft, { body: { name: '委託先審査表', items: [{ code: '1', text: 'あ'.repeat(501) }] } });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('評価項目 1 の文言は500文字以内で入力してください（501文字入力されています）');
    const wide = await pms.call(K.saveDraft, { body: { name: '委託先審査表', items: [{ code: '１', text: '全角の番号' }] } });
    expect(wide.status).toBe(400);
    expect(JSON.stringify(wide.body)).toContain('評価項目 1 の番号は半角の英数字と「-」10文字以内で入力してください（入力値: １）');
    const noName = await pms.call(K.saveDraft, { body: { name: '', items } });
    expect(noName.status).toBe(400);
    expect(JSON.stringify(noName.body)).toContain('評価基準の名称を入力してください');
    expect((await pms.call(K.list, {})).body.open).toBeNull();
  });

  it('権限: 個人情報保護管理者だけが編集・申請できる。所属長（contractors.manage）と一般の従業者は 403', async () => {
    for (const who of [sales, staff]) {
      expect((await who.call(K.saveDraft, { body: { name: '委託先審査表', items } })).status).toBe(403);
      expect((await who.call(K.submitDraft, {})).status).toBe(403);
      expect((await who.call(K.discardDraft, {})).status).toBe(403);
    }
    expect((await staff.call(K.list, {})).status).toBe(403);
    expect((await pms.call(K.list, {})).body.open).toBeNull();
  });

  it('古い評価: 既定の調査票で書いた今年の評価の下書きは、その版で採点される', async () => {
    const draft = await sales.call(C.saveEvaluation, {
      params: { id: mailingId },
      body: { year: 2026, answers: Object.fromEntries(items.map((i) => [i.code, 'suitable' as const])) },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({ criteriaVersion: 'setagaya-questionnaire-1', criteriaVersionLabel: '既定', result: 'pass' });
    const submitted = await sales.call(C.submitEvaluation, { params: { id: draft.body.id } });
    expect(submitted.status).toBe(201);
    await pms.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, {});
  });

  it('編集は適用中の版から新しい版の下書きを作り、10 番目の項目の追加が「評価項目の追加」として出る', async () => {
    const saved = await pms.call(K.saveDraft, { body: { name: '委託先審査表', source: '当社 委託先管理規程', items: [...items, tenth] } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ versionNo: 1, versionLabel: '第1版', status: 'draft', statusLabel: '下書き', basedOn: 'setagaya-questionnaire-1', changesFrom: '既定' });
    expect(saved.body.changes).toEqual([{ kind: 'added', label: '評価項目の追加', code: '10', previousText: null, currentText: tenth.text }]);
    // 下書きはまだ使われない
    expect((await sales.call(C.evaluations, { params: { id: mailingId } })).body.criteria.items).toHaveLength(9);
    // 同じ下書きを直す（新しい版は増えない）
    const again = await pms.call(K.saveDraft, { body: { name: '委託先審査表', source: '当社 委託先管理規程', items: [...items, tenth] } });
    expect(again.body.id).toBe(saved.body.id);
  });

  it('承認申請（トップマネジメント）: 承認待ちの間は編集できず、申請者は承認できない; 承認で適用中の版が切り替わる', async () => {
    const submitted = await pms.call(K.submitDraft, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body.statusLabel).toBe('承認待ち');
    expect((await pms.call(K.saveDraft, { body: { name: '委託先審査表', items } })).status).toBe(409);
    expect((await pms.call(approvalsContract.approve, { params: { id: submitted.body.approvalRequestId }, body: {} })).status).toBe(403);
    const detail = await top.call(approvalsContract.detail, { params: { id: submitted.body.approvalRequestId } });
    expect(detail.body.request.snapshotFields).toEqual(
      expect.arrayContaining([
        { key: 'version', label: '版', value: '第1版' },
        { key: 'item10', label: '評価項目 10', value: tenth.text },
        { key: 'changes', label: '既定からの変更', value: `評価項目の追加: 10 ${tenth.text}` },
      ]),
    );
    await approveAsTop(submitted.body.approvalRequestId);
    const list = await pms.call(K.list, {});
    expect(list.body.current).toMatchObject({ versionLabel: '第1版', statusLabel: '承認済み（適用中）' });
    expect(list.body.current.items).toHaveLength(10);
    expect(list.body.open).toBeNull();
    expect(list.body.versions.map((v) => [v.versionLabel, v.statusLabel])).toEqual([
      ['第1版', '承認済み（適用中）'],
      ['既定', '過去の版'],
    ]);
  });

  it('新しい評価は承認済みの版（10 項目）で採点され、古い評価は既定の 9 項目のまま表示・採点される', async () => {
    const r = await sales.call(C.evaluations, { params: { id: mailingId } });
    expect(r.body.criteria).toMatchObject({ versionLabel: '第1版', name: '委託先審査表' });
    expect(r.body.criteria.items).toHaveLength(10);
    const old = r.body.items.find((e) => e.year === 2026);
    expect(old).toMatchObject({
      criteriaVersion: 'setagaya-questionnaire-1',
      criteriaVersionLabel: '既定',
      criteriaName: '個人情報管理状況調査票',
      result: 'pass',
      unanswered: [],
    });
    expect(old?.criteriaItems).toHaveLength(9);
    // 来年の評価（プライバシーマークなし: 1 が不適なら他の項目すべてが要る）: 10 番目が未回答なら未回答あり; 昨年（既定）との版の違いが出る
    const answers = { ...Object.fromEntries(items.map((i) => [i.code, 'suitable' as const])), '1': 'unsuitable' as const };
    const next = await sales.call(C.saveEvaluation, { params: { id: mailingId }, body: { year: 2027, answers } });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body).toMatchObject({ criteriaVersion: 'org-criteria-1', criteriaVersionLabel: '第1版', result: 'incomplete', unanswered: ['10'] });
    expect(next.body.criteriaChanges).toEqual([{ kind: 'added', label: '評価項目の追加', code: '10', previousText: null, currentText: tenth.text }]);
    const rows = await asSystem(t.database, (tx) => tx.select().from(contractorEvaluations));
    expect(rows.find((e) => e.year === 2026 && e.contractorId === mailingId)?.criteriaVersion).toBe('setagaya-questionnaire-1');
  });

  it('第2版: 項目の削除と文言の変更が第1版からの差分として出て、差戻しで下書きに戻る; 破棄すると第1版のまま', async () => {
    const changed = [...items.filter((i) => i.code !== '2').map((i) => (i.code === '3' ? { ...i, text: '個人情報の漏えい等の防止策の実施有無' } : i)), tenth];
    const saved = await pms.call(K.saveDraft, { body: { name: '委託先審査表', items: changed } });
    expect(saved.body).toMatchObject({ versionLabel: '第2版', basedOn: 'org-criteria-1', changesFrom: '第1版' });
    expect(saved.body.changes.map((c) => [c.label, c.code])).toEqual([
      ['文言の変更', '3'],
      ['評価項目の削除', '2'],
    ]);
    const submitted = await pms.call(K.submitDraft, {});
    const returned = await top.call(approvalsContract.return, { params: { id: submitted.body.approvalRequestId }, body: { comment: '項目 2 は残してください' } });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect((await pms.call(K.list, {})).body.open).toMatchObject({ versionLabel: '第2版', statusLabel: '下書き' });
    const discarded = await pms.call(K.discardDraft, {});
    expect(discarded.status).toBe(200);
    const list = await pms.call(K.list, {});
    expect(list.body.open).toBeNull();
    expect(list.body.current.versionLabel).toBe('第1版');
  });

  it('版の履歴の Excel 出力: 版ごとの評価項目と前の版からの変更', async () => {
    const r = await sales.request('GET', '/api/contractor-criteria/export.xlsx');
    expect(r.status).toBe(200);
    const sheets = await readAllSheets(r.raw);
    expect(sheets.map((s) => s.name)).toEqual(['評価基準の版と評価項目', '版ごとの変更']);
    // cells are by column number (1-based); row 1 is the header
    const itemRows = sheets[0]!.rows.filter((row) => row.rowNumber > 1).map((row) => row.cells);
    expect(itemRows.filter((c) => c[1] === '第1版')).toHaveLength(10);
    expect(itemRows.filter((c) => c[1] === '既定')).toHaveLength(9);
    expect(sheets[1]!.rows.filter((row) => row.rowNumber > 1).map((row) => [row.cells[1], row.cells[6], row.cells[7]])).toEqual([['第1版', '評価項目の追加', '10']]);
  });
});
