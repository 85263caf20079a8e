/**
 * PMS roles (SPEC §2; J.2.3.1, Toshima 4-8-2, Setagaya). Pure data, shared by server and web.
 * Every person is a 従業者; these are the roles assigned on top of that, each with a period.
 */
export const pmsRoles = [
  'top_management',
  'pms_manager',
  'audit_manager',
  'auditor',
  'complaints_manager',
  'security_manager',
  'mynumber_manager',
  'mynumber_staff',
  'department_head',
  'handling_manager',
  'info_manager',
  'general_protection_manager',
  'protection_manager',
  'protection_staff',
  'public_audit_manager',
] as const;

export type PmsRole = (typeof pmsRoles)[number];

/** Japanese and English names of each role, as the seeds name them. */
export const roleLabels: Record<PmsRole, { ja: string; en: string; publicOnly?: boolean; perDepartment?: boolean }> = {
  top_management: { ja: 'トップマネジメント', en: 'Top management' },
  pms_manager: { ja: '個人情報保護管理者', en: 'PMS manager' },
  audit_manager: { ja: '個人情報保護監査責任者', en: 'Audit manager' },
  auditor: { ja: '監査員', en: 'Auditor' },
  complaints_manager: { ja: '苦情相談窓口責任者', en: 'Complaints desk manager' },
  security_manager: { ja: '情報セキュリティ責任者', en: 'Information security manager' },
  mynumber_manager: { ja: '特定個人情報等事務取扱責任者', en: 'My Number handling manager' },
  mynumber_staff: { ja: '特定個人情報等事務取扱担当者', en: 'My Number handling staff' },
  department_head: { ja: '所属長', en: 'Department head', perDepartment: true },
  handling_manager: { ja: '個人情報取扱責任者', en: 'Handling manager', perDepartment: true },
  info_manager: { ja: '個人情報管理者', en: 'Personal information keeper', perDepartment: true },
  general_protection_manager: { ja: '総括保護管理者', en: 'General protection manager', publicOnly: true },
  protection_manager: { ja: '保護管理者', en: 'Protection manager', publicOnly: true, perDepartment: true },
  protection_staff: { ja: '保護担当者', en: 'Protection staff', publicOnly: true, perDepartment: true },
  public_audit_manager: { ja: '監査責任者', en: 'Audit manager (public body)', publicOnly: true },
};

/**
 * The manager of a department: the 所属長 (J.2.3.1) and, for a public body, the 保護管理者 of the
 * 課 (Toshima 4-8-2). The one list every module uses for "the department's manager".
 */
export const departmentManagerRoles: readonly PmsRole[] = ['department_head', 'protection_manager'];

/** The person who runs the PMS: the 個人情報保護管理者 (J.2.3.1) and, for a public body, the 総括保護管理者 (Toshima 4-8-2). */
export const pmsManagerRoles: readonly PmsRole[] = ['pms_manager', 'general_protection_manager'];

/** Employment types of 従業者 (J.4.2 note: 従業者 includes 派遣・役員). */
export const employmentTypes = ['employee', 'contract', 'dispatched', 'part_time', 'officer'] as const;
export type EmploymentType = (typeof employmentTypes)[number];
export const employmentTypeLabels: Record<EmploymentType, { ja: string; en: string }> = {
  employee: { ja: '正社員', en: 'Employee' },
  contract: { ja: '契約社員', en: 'Contract staff' },
  dispatched: { ja: '派遣社員', en: 'Dispatched worker' },
  part_time: { ja: 'パート・アルバイト', en: 'Part-time' },
  officer: { ja: '役員', en: 'Officer' },
};

/** Organization profiles (SPEC §0): which rules apply. */
export const organizationProfiles = ['private', 'public', 'designated_manager'] as const;
export type OrganizationProfile = (typeof organizationProfiles)[number];
export const profileLabels: Record<OrganizationProfile, { ja: string; en: string }> = {
  private: { ja: '個人情報取扱事業者', en: 'Private business' },
  public: { ja: '行政機関等・地方公共団体', en: 'Public body' },
  designated_manager: { ja: '指定管理者・受託者', en: 'Designated manager / contractor' },
};
