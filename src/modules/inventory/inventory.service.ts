// Business functions of the 個人情報管理台帳 (SPEC M1). Each takes the tenant transaction first;
// row-level security confines it to the actor's organization and every query also filters by
// organization_id (two walls). One file per concern or business action (STYLE: Documenso); this
// barrel keeps the names where callers outside the folder import them from. Inside the folder,
// import the files directly.

export { createDueDisposalTasks, ensureDisposalTask, ensureRiskAnalysisTask } from './entry-tasks.ts';
export { assertNoRuleErrors, assertReferences, namesFor } from './entry-references.ts';
export { type EntryDetail, getEntryDetail, listHistory } from './get-entry-detail.ts';
export { approvalActorOf, assertKeeps, departmentsKeptBy, keepsDepartment } from './inventory.keepers.ts';
export { type EntryListRow, type EntryRow, entriesFilter, entrySummary, getEntryRow, listEntries, selectEntryListRows } from './inventory.queries.ts';
export { changeEntry, createEntry, type WriteContext } from './write-entry.ts';
