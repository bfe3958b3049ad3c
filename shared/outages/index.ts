export {
  FAILURE_CLASSES,
  CLASS_CODE,
  isFailure,
  failureClass,
  failureClassifier,
  type ClassFields,
} from './failure-class';
export {
  MINUTE_MS,
  HOUR_MS,
  bucketStart,
  bucketCount,
  emptySeries,
  addPoints,
  bucketFailures,
  totalPerBucket,
  bucketSizeFor,
  type FailurePoints,
  type FailureSeries,
} from './buckets';
export {
  DEFAULT_ANOMALY_SETTINGS,
  anomalyMarks,
  anomalySignal,
  median,
  type AnomalyMark,
  type AnomalySettings,
} from './anomalies';
export { incidentSpan, incidentSpans } from './incident-window';
export { selectAffectedJobs, type AffectedJob, type AffectedSelection } from './affected';
export {
  affectedRow,
  incidentReport,
  type AccountImpact,
  type AffectedRow,
  type CompensationFacts,
  type IncidentReport,
  type RequestOnJob,
} from './incident-report';
export {
  PROACTIVE_REASON,
  eligibleRows,
  proactiveDecisions,
  proactiveRequestId,
  summarizeProactive,
  type ProactiveAccountLine,
  type ProactiveCandidate,
  type ProactiveContext,
  type ProactiveSummary,
} from './proactive';
export {
  accountAt,
  accountTable,
  cell,
  stringColumn,
  incidentTable,
  compactReport,
  selectedCandidates,
  selectedCount,
  tableRow,
  type AccountTable,
  type IncidentTable,
  type StringColumn,
  type CompactReport,
  type ProactiveMark,
  type TableRow,
} from './incident-table';
