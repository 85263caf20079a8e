/**
 * Shapes of the 台帳 API responses (JSON renderings of src/modules/inventory/inventory.presenters.ts).
 * Request bodies are typed by the shared zod schemas (src/modules/inventory/inventory.schema.ts).
 */
import type { EntryContent } from '../../../../src/modules/inventory/inventory.schema.ts';

export type { EntryContent };

export type EntryListItem = {
  id: string;
  name: string;
  departmentId: string;
  departmentName: string;
  revision: number;
  status: 'active' | 'disposed';
  items: string[];
  purpose: string | null;
  storageMedia: 'paper' | 'electronic' | 'both' | null;
  sensitive: boolean;
  myNumber: boolean;
  retainedPersonalData: boolean;
  entrusted: boolean;
  thirdPartyProvision: boolean;
  overseas: boolean;
  processedKind: string;
  recordCount: number | null;
  approximate: boolean;
  useUntilDate: string | null;
  retainUntilDate: string | null;
  retainUntilText: string | null;
  disposedAt: string | null;
  disposalDue: boolean;
  riskStatus: RiskStatusCode;
  riskStatusLabel: string;
  updatedAt: string;
};

export type RiskStatusCode = 'unanalysed' | 'in_progress' | 'approved' | 'needs_review';

export type Finding = { code: string; severity: 'error' | 'warning'; path: string; clause: string; quote: string; message: string };

export type Duty = {
  id: string;
  label: string;
  clause: string;
  quote: string;
  timing: string;
  triggeredBy: string[];
  status: 'required' | 'exempted';
  exemptedBy: { clause: string; letter: string; text: string; reason: string } | null;
  items: { letter: string; text: string }[];
  procedure: string | null;
  certainty: 'seed' | 'interpretation';
  note: string | null;
};

export type Change = { field: string; label: string; before: unknown; after: unknown };

export type HistoryItem = {
  id: string;
  revision: number;
  kind: string;
  kindLabel: string;
  summary: string;
  changes: Change[];
  requestId: string | null;
  requestKindLabel: string | null;
  importId: string | null;
  requestedByName: string | null;
  actorName: string | null;
  at: string;
};

export type EntryDetail = {
  id: string;
  revision: number;
  status: 'active' | 'disposed';
  name: string;
  departmentId: string;
  departmentName: string;
  content: EntryContent;
  accessHolders: { id: string; name: string }[];
  riskStatus: RiskStatusCode;
  riskStatusLabel: string;
  findings: Finding[];
  duties: Duty[];
  disposal: {
    reasons: { kind: string; label: string; date: string; clause: string; quote: string }[];
    dueSince: string;
    keepUntil: string | null;
    task: { title: string; methods: { text: string; clause: string }[] };
  } | null;
  assessments: { id: string; category: string; status: string; statusLabel: string; entryRevision: number; approvedAt: string | null; current: boolean }[];
  openRequests: { id: string; kind: string; kindLabel: string; status: string; statusLabel: string; createdAt: string }[];
  history: HistoryItem[];
  createdAt: string;
  updatedAt: string;
};

export type RequestListItem = {
  id: string;
  kind: 'acquisition' | 'change';
  kindLabel: string;
  name: string;
  entryId: string | null;
  departmentId: string;
  departmentName: string;
  status: string;
  statusLabel: string;
  requestedByName: string;
  reason: string;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
};

export type RequestDetail = {
  id: string;
  kind: 'acquisition' | 'change';
  kindLabel: string;
  recordType: string;
  status: string;
  statusLabel: string;
  entryId: string | null;
  departmentId: string;
  departmentName: string;
  proposed: EntryContent;
  accessHolders: { id: string; name: string }[];
  reason: string;
  noticeDraft: string | null;
  baseRevision: number | null;
  reviewId: string | null;
  requestedByName: string;
  entry: { id: string; name: string; revision: number; data: EntryContent } | null;
  changes: Change[];
  stale: boolean;
  findings: Finding[];
  duties: Duty[];
  approvalRequestId: string | null;
  changedSinceSubmission: boolean;
  editable: boolean;
  canSubmit: boolean;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
};

export type ReviewItem = {
  subjectId: string;
  label: string;
  decision: 'pending' | 'confirmed' | 'changed';
  note: string | null;
  requestId: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
};

export type InventoryReviewDiff = {
  added: { id: string; name: string; followUps: { clause: string; message: string }[] }[];
  removed: { id: string; name: string; followUps: { clause: string; message: string }[] }[];
  changed: { id: string; name: string; changes: Change[]; followUps: { clause: string; message: string }[] }[];
  unchangedIds: string[];
};

export type RiskReviewDiff = {
  added: { id: string; category: string }[];
  removed: { id: string; category: string }[];
  changed: { id: string; category: string; addedRisks: ReviewedRisk[]; removedRisks: ReviewedRisk[]; changedRisks: { before: ReviewedRisk; after: ReviewedRisk }[] }[];
  unchangedIds: string[];
};
export type ReviewedRisk = { phase: string; threat: string; risk: string; likelihood: number; impact: number; score: number; residualMeasure: string | null };

export type Review = {
  id: string;
  subject: 'inventory' | 'risk';
  departmentId: string;
  departmentName: string;
  year: number;
  status: string;
  statusLabel: string;
  items: ReviewItem[];
  diff: { subject: string; baselineLabel: string; inventory?: InventoryReviewDiff; risk?: RiskReviewDiff } | null;
  canEdit: boolean;
  submittedAt: string | null;
  decidedAt: string | null;
};

export type ReviewListItem = {
  departmentId: string;
  departmentName: string;
  reviewId: string | null;
  status: string | null;
  statusLabel: string;
  itemCount: number;
  decidedCount: number;
  submittedAt: string | null;
  decidedAt: string | null;
};

export type ImportMappingRow = { id: string; name: string; headerRow: number; mapping: Record<string, string>; updatedAt: string };

export type InspectResult = {
  fileName: string;
  sheetName: string;
  headerRow: number;
  headers: string[];
  rowCount: number;
  sampleRows: { row: number; cells: Record<string, string> }[];
  suggestedMapping: Record<string, string>;
  suggestedMappingId: string | null;
  fields: { key: string; header: string; required: boolean }[];
  mappings: ImportMappingRow[];
};

export type ImportReport = {
  dryRun: boolean;
  total: number;
  valid: number;
  created: number;
  ignoredColumns: string[];
  rows: {
    row: number;
    name: string | null;
    department: string | null;
    action: 'create' | 'error';
    errors: { field: string; message: string }[];
    warnings: { field: string; message: string }[];
  }[];
};

export type ApprovalDetail = {
  request: {
    id: string;
    status: string;
    statusLabel: string;
    stepIndex: number;
    stepLabel: string | null;
    title: string;
    recordTypeLabel: string;
    submittedByName: string;
    submittedAt: string;
    canAct: boolean;
    canWithdraw: boolean;
    onBehalfOf: { personId: string; name: string } | null;
  };
  steps: { index: number; label: string; roleLabel: string; state: 'approved' | 'returned' | 'current' | 'waiting' | 'skipped' }[];
  stamps: { step: number; stepLabel: string; action: 'approve' | 'return'; actorName: string; onBehalfOfName: string | null; comment: string | null; at: string }[];
};
