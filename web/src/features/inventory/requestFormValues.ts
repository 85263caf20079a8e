import type { Control } from 'react-hook-form';
import type { z } from 'zod';
import type { entryContentSchema, requestBody } from '../../../../src/modules/inventory/inventory.schema.ts';
import type { EntryContent } from './types.ts';

/** The request form's values as typed in (before the shared schema's defaults and transforms). */
export type FormIn = z.input<typeof requestBody>;
/** The request form's values once the shared schema has parsed them (the POST/PUT body). */
export type FormOut = z.output<typeof requestBody>;
/** The react-hook-form control the sections bind their fields to. */
export type RequestFormControl = Control<FormIn, unknown, FormOut>;
/** The proposed ledger content as it is being edited. */
export type ProposedContent = z.input<typeof entryContentSchema>;

/** Roles whose department is the default 所管部署 of a new acquisition. */
export const KEEPER_ROLES = ['department_head', 'handling_manager', 'info_manager', 'protection_manager', 'protection_staff'];

/** Empty content for a new acquisition. */
export function blank(departmentId: string | null): ProposedContent {
  return {
    name: '',
    departmentId: departmentId ?? '',
    items: [],
    purpose: '',
    storageLocation: '',
    storageMethod: { media: null, description: '' },
    accessHolderIds: [],
    accessHolderNote: '',
    useUntil: { date: null, description: '' },
    retainUntil: { date: null, description: '' },
    recordCount: null,
    acquisitionMethods: [],
    sensitive: false,
    sensitiveBasis: null,
    specialCategories: [],
    myNumber: false,
    retainedPersonalData: false,
    processedKind: 'none',
    entrustedTo: [],
    thirdPartyProvision: false,
    thirdPartyDetails: '',
    jointUseDetails: '',
    overseasCountries: [],
    overseasBasis: null,
    contactsPersons: false,
    disposalMethod: '',
    disposedAt: null,
    noticeRefs: [],
    noticeVersionIds: [],
    exemptions: [],
  };
}

/** Content of an entry as a form value (the stored content is already the schema's output). */
export function asFormContent(content: EntryContent): ProposedContent {
  return { ...content, purpose: content.purpose ?? '', storageLocation: content.storageLocation ?? '' };
}

/** The longest registered field that is the path or a prefix of it (server errors like `proposed.sensitiveBasis.reason`). */
export function fieldFor(path: string, names: readonly string[]): string | null {
  const hits = names.filter((n) => path === n || path.startsWith(`${n}.`));
  return hits.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Every field the form registers, to put server errors under. */
export const FIELD_NAMES = [
  'proposed.name',
  'proposed.departmentId',
  'proposed.items',
  'proposed.purpose',
  'proposed.storageLocation',
  'proposed.storageMethod.media',
  'proposed.storageMethod.description',
  'proposed.accessHolderIds',
  'proposed.accessHolderNote',
  'proposed.useUntil',
  'proposed.retainUntil',
  'proposed.recordCount',
  'proposed.acquisitionMethods',
  'proposed.sensitive',
  'proposed.sensitiveBasis',
  'proposed.specialCategories',
  'proposed.myNumber',
  'proposed.retainedPersonalData',
  'proposed.processedKind',
  'proposed.entrustedTo',
  'proposed.thirdPartyProvision',
  'proposed.thirdPartyDetails',
  'proposed.jointUseDetails',
  'proposed.overseasCountries',
  'proposed.overseasBasis',
  'proposed.contactsPersons',
  'proposed.disposalMethod',
  'proposed.disposedAt',
  'proposed.noticeRefs',
  'proposed.noticeVersionIds',
  'reason',
  'noticeDraft',
] as const;
