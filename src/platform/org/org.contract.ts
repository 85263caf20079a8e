import { z } from 'zod';
import { defineContract, okResponse } from '../http/contract.ts';
import {
  accountCreatedResponse,
  accountListItemResponse,
  departmentResponse,
  organizationResponse,
  peoplePageResponse,
  personResponse,
  roleAssignmentListItemResponse,
  roleAssignmentResponse,
} from './org.responses.ts';
import {
  accountCreateBody,
  accountUpdateBody,
  departmentBody,
  idParams,
  organizationBody,
  organizationSettingsSchema,
  peopleQuery,
  personBody,
  roleAssignmentBody,
} from './org.schema.ts';

// 組織・所属・従業者・役割・アカウント (SPEC §2): every route with its response. The 従業者 export
// and import and the 体制図 are in exports.contract.ts. Pure (zod only): the SPA and the test
// client take their types here.

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const orgContract = defineContract({
  // ---- 組織 ----
  organization: { method: 'GET', path: '/api/organization', access: 'org.read', summary: '組織情報', response: organizationResponse },
  updateOrganization: { method: 'PUT', path: '/api/organization', access: 'org.manage', summary: '組織情報の更新', body: organizationBody, response: organizationResponse },
  updateSettings: {
    method: 'PUT',
    path: '/api/organization/settings',
    access: 'org.manage',
    summary: 'セキュリティ設定の更新',
    body: organizationSettingsSchema,
    response: organizationResponse,
  },

  // ---- 所属 ----
  departments: { method: 'GET', path: '/api/departments', access: 'org.read', summary: '所属一覧', response: items(departmentResponse) },
  createDepartment: {
    method: 'POST',
    path: '/api/departments',
    access: 'departments.manage',
    summary: '所属の追加',
    body: departmentBody,
    response: departmentResponse,
    status: 201,
  },
  updateDepartment: {
    method: 'PUT',
    path: '/api/departments/:id',
    access: 'departments.manage',
    summary: '所属の更新',
    params: idParams,
    body: departmentBody,
    response: departmentResponse,
  },
  deleteDepartment: { method: 'DELETE', path: '/api/departments/:id', access: 'departments.manage', summary: '所属の削除', params: idParams, response: okResponse },

  // ---- 従業者 ----
  people: {
    method: 'GET',
    path: '/api/people',
    access: 'people.read',
    summary: '従業者一覧（検索・絞り込み・ページ）',
    tags: ['people'],
    query: peopleQuery,
    response: peoplePageResponse,
  },
  person: {
    method: 'GET',
    path: '/api/people/:id',
    access: 'people.read',
    summary: '従業者の詳細（連絡先の閲覧は記録されます）',
    tags: ['people'],
    params: idParams,
    response: personResponse,
  },
  createPerson: {
    method: 'POST',
    path: '/api/people',
    access: 'people.manage',
    summary: '従業者の追加',
    tags: ['people'],
    body: personBody,
    response: personResponse,
    status: 201,
  },
  updatePerson: {
    method: 'PUT',
    path: '/api/people/:id',
    access: 'people.manage',
    summary: '従業者の更新（退職日の登録でアカウントは直ちに無効化）',
    tags: ['people'],
    params: idParams,
    body: personBody,
    response: personResponse,
  },

  // ---- 役割の割当て ----
  roleAssignments: {
    method: 'GET',
    path: '/api/role-assignments',
    access: 'org.read',
    summary: '役割の割当て一覧',
    tags: ['roles'],
    response: items(roleAssignmentListItemResponse),
  },
  createRoleAssignment: {
    method: 'POST',
    path: '/api/role-assignments',
    access: 'roles.manage',
    summary: '役割の割当て（職務分離の規則を適用）',
    tags: ['roles'],
    body: roleAssignmentBody,
    response: roleAssignmentResponse,
    status: 201,
  },
  updateRoleAssignment: {
    method: 'PUT',
    path: '/api/role-assignments/:id',
    access: 'roles.manage',
    summary: '役割の割当ての変更',
    tags: ['roles'],
    params: idParams,
    body: roleAssignmentBody,
    response: roleAssignmentResponse,
  },
  deleteRoleAssignment: {
    method: 'DELETE',
    path: '/api/role-assignments/:id',
    access: 'roles.manage',
    summary: '役割の割当ての削除',
    tags: ['roles'],
    params: idParams,
    response: okResponse,
  },

  // ---- アカウント ----
  accounts: { method: 'GET', path: '/api/accounts', access: 'accounts.manage', summary: 'アカウント一覧', tags: ['accounts'], response: items(accountListItemResponse) },
  createAccount: {
    method: 'POST',
    path: '/api/accounts',
    access: 'accounts.manage',
    summary: 'アカウントの作成',
    tags: ['accounts'],
    body: accountCreateBody,
    response: accountCreatedResponse,
    status: 201,
  },
  updateAccount: {
    method: 'PATCH',
    path: '/api/accounts/:id',
    access: 'accounts.manage',
    summary: 'アカウントの無効化・ロック解除・パスワード再設定',
    tags: ['accounts'],
    params: idParams,
    body: accountUpdateBody,
    response: okResponse,
  },
});
