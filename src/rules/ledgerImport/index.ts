// 取込の見出し (issue #12 stage 2): the header row of a sheet found by itself, and each column
// mapped to a register's field through a synonym dictionary, with a confidence. Pure.

export {
  type ColumnMapping,
  confidenceRank,
  foldHeading,
  type HeadingColumn,
  type HeadingConfidence,
  type HeadingField,
  type HeadingIndex,
  type HeadingMatch,
  indexHeadings,
  mapColumns,
  matchHeading,
} from './headings.ts';
export { type DetectedHeader, detectHeaderRow, HEADER_SEARCH_ROWS, headingsAt, type PreviewRow } from './headerRow.ts';
export { type InventoryHeadingKey, inventoryHeadings } from './inventoryHeadings.ts';
export { type LawHeadingKey, lawHeadings } from './lawHeadings.ts';
export { type RiskHeadingKey, requiredRiskHeadings, riskHeadings } from './riskHeadings.ts';
