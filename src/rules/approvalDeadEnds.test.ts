import { describe, expect, it } from 'vitest';
import {
  type ApprovalStep,
  actingCapacity,
  checkDelegationSeparation,
  checkProxyStepSeparation,
  effectiveAlternateRole,
  type RoleHolder,
  resolveCurrentStep,
  resolveStep,
  strandedSubmitters,
} from './approvalChains.ts';
import { defaultApprovalChains } from './data/approvalChains.ts';

// Issue 10 「承認が行き止まらない」 and SPEC §5.4 「an approver never approves their own
// submission」: who approves a step only the submitter holds, which chains strand a submitter,
// and one person never holding two steps of one chain through a 代理.

const GA = 'dept-ga'; // 総務部
const SALES = 'dept-sales'; // 営業部
const departments = [
  { id: GA, name: '総務部' },
  { id: SALES, name: '営業部' },
];

// The demo organization's holders: 佐藤 is the 個人情報保護管理者 and 総務部の所属長.
const holders: RoleHolder[] = [
  { personId: 'yamada', name: '山田 太郎', role: 'top_management', departmentId: null },
  { personId: 'sato', name: '佐藤 花子', role: 'pms_manager', departmentId: null },
  { personId: 'sato', name: '佐藤 花子', role: 'department_head', departmentId: GA },
  { personId: 'tanaka', name: '田中 美咲', role: 'department_head', departmentId: SALES },
];

const inventory: ApprovalStep[] = [{ role: 'department_head' }, { role: 'pms_manager' }];
const risk: ApprovalStep[] = [{ role: 'department_head' }, { role: 'pms_manager' }, { role: 'top_management' }];

describe('resolveStep: 申請者本人しか持たない段（SPEC §5.4）', () => {
  it('ほかに保有者がいれば、その人たちが承認する（通常）', () => {
    const r = resolveStep({ steps: inventory, index: 1, submitterPersonId: 'tanaka', departmentId: SALES, holders });
    expect(r).toMatchObject({ kind: 'holders', note: 'この段は個人情報保護管理者（佐藤 花子）が承認します' });
    expect(r.approvers.map((a) => a.personId)).toEqual(['sato']);
  });

  it('個人情報保護管理者が申請: 個人情報保護管理者の段は既定の代行者トップマネジメント（J.2.3.1 c)）が承認する', () => {
    const r = resolveStep({ steps: inventory, index: 1, submitterPersonId: 'sato', departmentId: GA, holders });
    expect(r).toMatchObject({
      kind: 'alternate',
      alternateRole: 'top_management',
      note: '申請者本人が個人情報保護管理者のため、この段はトップマネジメント（山田 太郎）が承認します',
    });
    expect(r.approvers.map((a) => a.personId)).toEqual(['yamada']);
  });

  it('代行者が後の段を持つときは、二度承認させずに次の段の承認に含める', () => {
    const r = resolveStep({ steps: risk, index: 1, submitterPersonId: 'sato', departmentId: GA, holders });
    expect(r).toEqual({ kind: 'pass', approvers: [], note: '申請者本人が個人情報保護管理者のため、この段は次の段（トップマネジメント）の承認に含めます' });
  });

  it('代行者が「なし」のときは次の段へ', () => {
    const r = resolveStep({
      steps: [{ role: 'department_head', alternateRole: null }, { role: 'top_management' }],
      index: 0,
      submitterPersonId: 'tanaka',
      departmentId: SALES,
      holders,
    });
    expect(r.kind).toBe('pass');
  });

  it('最後の段で代行者もいなければ stranded（理由つき）', () => {
    const r = resolveStep({ steps: [{ role: 'top_management' }], index: 0, submitterPersonId: 'yamada', departmentId: null, holders });
    expect(r.kind).toBe('stranded');
    expect(r.note).toContain('申請者本人がトップマネジメントのため');
    expect(r.note).toContain('代行者も設定されていません');
  });

  it('誰も役割を持たない段は vacant（申請者のせいではない）', () => {
    const r = resolveStep({ steps: [{ role: 'auditor' }], index: 0, submitterPersonId: 'tanaka', departmentId: null, holders });
    expect(r.kind).toBe('vacant');
  });

  it('resolveCurrentStep: 次の段に含める段を飛ばして、実際に待つ段を返す', () => {
    const r = resolveCurrentStep({ steps: risk, currentStep: 1, submitterPersonId: 'sato', departmentId: GA, holders });
    expect(r.index).toBe(2);
    expect(r.resolution.kind).toBe('holders');
    expect(r.passes).toEqual([{ index: 1, note: '申請者本人が個人情報保護管理者のため、この段は次の段（トップマネジメント）の承認に含めました' }]);
  });

  it('代行者の役割: 段の設定 > 役割の既定 > なし', () => {
    expect(effectiveAlternateRole({ role: 'pms_manager' })).toBe('top_management');
    expect(effectiveAlternateRole({ role: 'pms_manager', alternateRole: 'audit_manager' })).toBe('audit_manager');
    expect(effectiveAlternateRole({ role: 'pms_manager', alternateRole: null })).toBeNull();
    expect(effectiveAlternateRole({ role: 'top_management' })).toBeNull();
  });

  it('actingCapacity: 代行者は段の役割がなくても承認でき、その旨が残る。代行者の代理も承認できる', () => {
    const base = {
      step: { role: 'pms_manager' as const },
      requestDepartmentId: GA,
      submitterPersonId: 'sato',
      alternate: { role: 'top_management' as const, approverIds: ['yamada'] },
    };
    expect(actingCapacity({ ...base, actorPersonId: 'yamada', actorRoles: [{ role: 'top_management', departmentId: null }], delegators: [] })).toEqual({
      ok: true,
      capacity: { onBehalfOfPersonId: null, asAlternate: true },
    });
    expect(
      actingCapacity({ ...base, actorPersonId: 'ito', actorRoles: [], delegators: [{ personId: 'yamada', roles: [{ role: 'top_management', departmentId: null }] }] }),
    ).toEqual({
      ok: true,
      capacity: { onBehalfOfPersonId: 'yamada', asAlternate: true },
    });
    expect(actingCapacity({ ...base, actorPersonId: 'sato', actorRoles: [{ role: 'pms_manager', departmentId: null }], delegators: [] }).ok).toBe(false);
    expect(actingCapacity({ ...base, alternate: null, actorPersonId: 'yamada', actorRoles: [{ role: 'top_management', departmentId: null }], delegators: [] }).ok).toBe(false);
  });
});

describe('strandedSubmitters: 承認する人がいなくなる申請者（承認経路の設定）', () => {
  it('トップマネジメントだけの経路: 唯一の保有者（山田）が申請すると承認する人がいない', () => {
    const r = strandedSubmitters([{ role: 'top_management' }], holders, departments);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ stepIndex: 0, personId: 'yamada', departmentId: null });
    expect(r[0]?.message).toContain('山田 太郎さんが申請すると、承認できる人がいません');
  });

  it('代行者を設定すれば取り残されない', () => {
    expect(strandedSubmitters([{ role: 'top_management', alternateRole: 'pms_manager' }], holders, departments)).toEqual([]);
  });

  it('所属長だけの経路: 総務部では代行者（個人情報保護管理者）も本人なので取り残される。営業部は佐藤が代行できる', () => {
    const r = strandedSubmitters([{ role: 'department_head' }], holders, departments);
    expect(r.map((s) => [s.personId, s.departmentId])).toEqual([['sato', GA]]);
    expect(r[0]?.message).toContain('総務部の申請で佐藤 花子さんが申請すると');
  });

  it('既定の経路: 最後が個人情報保護管理者の経路は代行者（トップマネジメント）がいるので取り残されない', () => {
    for (const type of ['role_request', 'inventory_acquisition', 'inventory_change', 'inventory_review', 'operation_check', 'contractor_evaluation']) {
      expect(strandedSubmitters(defaultApprovalChains[type]?.steps ?? [], holders, departments), type).toEqual([]);
    }
  });

  it('誰も持たない役割の段は報告しない（役割の割当ての問題）', () => {
    expect(strandedSubmitters([{ role: 'auditor' }], holders, departments)).toEqual([]);
  });
});

describe('代理承認の職務の分離: 一人が同じ承認経路の二つの段を持たない', () => {
  const chains = [
    { label: '新規個人情報取得申請書', steps: inventory },
    { label: 'リスク分析対策表', steps: risk },
  ];
  const roles = {
    yamada: [{ role: 'top_management' as const, departmentId: null }],
    sato: [
      { role: 'pms_manager' as const, departmentId: null },
      { role: 'department_head' as const, departmentId: GA },
    ],
    tanaka: [{ role: 'department_head' as const, departmentId: SALES }],
    takahashi: [{ role: 'department_head' as const, departmentId: 'dept-it' }],
    ito: [{ role: 'complaints_manager' as const, departmentId: null }],
  };

  it('個人情報保護管理者をトップマネジメントの代理にはできない（経路と段を名指し）', () => {
    const v = checkDelegationSeparation({ delegatorName: '山田 太郎', delegateName: '佐藤 花子', delegatorRoles: roles.yamada, delegateRoles: roles.sato, chains });
    expect(v?.clause).toBe('SPEC §5.4');
    expect(v?.message).toBe(
      '佐藤 花子さんは「リスク分析対策表」の承認経路で「所属長」「個人情報保護管理者」の段を持っているため、山田 太郎さんの「トップマネジメント」の段の代理にはできません。一人が同じ承認経路の二つの段を承認することになります（職務の分離）',
    );
  });

  it('他部署の所属長を、所属長の代理にするのは構わない（同じ申請で二つの段を持たない）', () => {
    expect(checkDelegationSeparation({ delegatorName: '田中 美咲', delegateName: '高橋 健', delegatorRoles: roles.tanaka, delegateRoles: roles.takahashi, chains })).toBeNull();
  });

  it('所属長を個人情報保護管理者の代理にはできない（その所属長の部署の申請で二つの段を持つ）', () => {
    expect(
      checkDelegationSeparation({ delegatorName: '佐藤 花子', delegateName: '高橋 健', delegatorRoles: roles.sato, delegateRoles: roles.takahashi, chains })?.message,
    ).toContain('「新規個人情報取得申請書」の承認経路で「所属長」の段を持っている');
  });

  it('どの段も持たない人は代理にできる', () => {
    expect(checkDelegationSeparation({ delegatorName: '佐藤 花子', delegateName: '伊藤 直樹', delegatorRoles: roles.sato, delegateRoles: roles.ito, chains })).toBeNull();
  });

  it('承認時: 代理として承認する人が、ほかの段を自分で持つ・承認済みなら拒否。自分で持つ二つの段は組織の選んだこととして許す', () => {
    const base = { steps: [{ role: 'pms_manager' }, { role: 'top_management' }] as ApprovalStep[], currentStep: 1, departmentId: SALES };
    expect(checkProxyStepSeparation({ ...base, actorOwnRoles: roles.sato, actorStamps: [], actingAsProxy: true })?.message).toContain('二つの段');
    expect(checkProxyStepSeparation({ ...base, actorOwnRoles: [], actorStamps: [{ step: 0, asProxy: true }], actingAsProxy: true })?.message).toContain('承認済み');
    expect(checkProxyStepSeparation({ ...base, actorOwnRoles: roles.yamada, actorStamps: [{ step: 0, asProxy: true }], actingAsProxy: false })?.message).toContain(
      '代理として承認済み',
    );
    expect(checkProxyStepSeparation({ ...base, actorOwnRoles: roles.yamada, actorStamps: [{ step: 0, asProxy: false }], actingAsProxy: false })).toBeNull();
    expect(checkProxyStepSeparation({ ...base, actorOwnRoles: roles.ito, actorStamps: [], actingAsProxy: true })).toBeNull();
  });
});
