export * from './types';
export * from './settings';
export { canonicalJson } from '../util/canonical-json';
export { idempotencyKey, idempotencyKeyText } from './idempotency';
export {
  buildIndexes,
  compareRequests,
  type PolicyData,
  type PolicyIndexes,
  type OutageSpan,
} from './indexes';
export {
  prepareSettings,
  suggestAll,
  reconcileRecords,
  type SuggestOptions,
  type PreparedSettings,
  type AccountJob,
} from './engine';
export { evaluateRequest, pickJob } from './evaluate';
export { expandEvidence } from './evidence';
export { POLICY_CLAUSES, OUTCOME_LABELS, plainLanguage, type PolicyClause } from './clauses';
export {
  suggestionsCsv,
  suggestionRow,
  outcomeSummary,
  countOutcomes,
  SUGGESTIONS_HEADER,
} from './suggestions-csv';
export { formatMajorUnits } from './money';
