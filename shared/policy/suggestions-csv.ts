import { formatMajorUnits } from './money';
import { OUTCOMES, type Outcome, type Suggestion } from './types';

export const SUGGESTIONS_HEADER = [
  'request_id',
  'outcome',
  'job_id',
  'credits',
  'amount',
  'currency',
  'reason',
  'flags',
  'rule',
];

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling its quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function suggestionRow(suggestion: Suggestion): string[] {
  const money = suggestion.amountMinor !== null && suggestion.currency !== null;
  return [
    suggestion.requestId,
    suggestion.outcome,
    suggestion.jobId ?? '',
    suggestion.credits === null ? '' : String(suggestion.credits),
    money ? formatMajorUnits(suggestion.amountMinor as number, suggestion.currency as string) : '',
    money ? (suggestion.currency as string).toUpperCase() : '',
    suggestion.reason,
    suggestion.flags.join(';'),
    String(suggestion.rule),
  ];
}

/** The suggestions file: header, one row per suggestion in the order given, LF line ends, final LF. */
export function suggestionsCsv(suggestions: readonly Suggestion[]): string {
  const lines = [SUGGESTIONS_HEADER.join(',')];
  for (const suggestion of suggestions) lines.push(suggestionRow(suggestion).map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

export function countOutcomes(suggestions: readonly Suggestion[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const suggestion of suggestions) counts[suggestion.outcome] += 1;
  return counts;
}

/** One line: `108 requests: credit_back 40, rerun 8, …` (outcomes in the spec's order, zeros left out). */
export function outcomeSummary(suggestions: readonly Suggestion[]): string {
  const counts = countOutcomes(suggestions);
  const parts = OUTCOMES.filter((outcome) => counts[outcome] > 0).map(
    (outcome) => `${outcome} ${counts[outcome]}`,
  );
  const noun = suggestions.length === 1 ? 'request' : 'requests';
  return `${suggestions.length} ${noun}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
