import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../cli/commands/inspect';
import { IMPORT_KINDS } from '@shared/domain/records';
import { fixture } from './helpers';

describe.each(['basic', 'messy'])('scenario %s: inspect gives the counts in inspect.json', (scenario) => {
  const expected: Record<string, Record<string, number>> = JSON.parse(
    readFileSync(fixture('scenarios', scenario, 'inspect.json'), 'utf8'),
  );
  it.each(IMPORT_KINDS)('%s', async (kind) => {
    const output = await inspectFile({
      file: fixture('scenarios', scenario, `${kind}.csv`),
      kind,
      timeZone: 'UTC',
      dateOrder: 'mdy',
    });
    const counts = expected[kind]!;
    for (const [key, value] of Object.entries(counts))
      expect(output[key as keyof typeof output], key).toBe(value);
    expect(output.rows).toBe(output.accepted + output.rejected + output.duplicates + output.skipped);
    expect(output.errors).toHaveLength(output.rejected);
  });

  it('detects every kind from its headers alone', async () => {
    for (const kind of IMPORT_KINDS) {
      const output = await inspectFile({
        file: fixture('scenarios', scenario, `${kind}.csv`),
        kind: undefined,
        timeZone: 'UTC',
        dateOrder: 'mdy',
      });
      expect(output.kind).toBe(kind);
    }
  });
});

describe('messy scenario details', () => {
  it('lists the broken job rows with their physical lines, columns and values', async () => {
    const output = await inspectFile({
      file: fixture('scenarios', 'messy', 'jobs.csv'),
      kind: 'jobs',
      timeZone: 'UTC',
      dateOrder: 'mdy',
    });
    expect(output.encoding).toBe('utf-8');
    expect(output.lineEnding).toBe('crlf');
    expect(output.errors).toEqual([
      { line: 9230, column: 'id', value: '', reason: 'required value is empty' },
      { line: 9231, column: 'created', value: 'not a date', reason: 'not a readable timestamp' },
      { line: 9232, column: 'state', value: 'exploded', reason: 'unknown status' },
    ]);
    expect(output.notes.filter((n) => n.severity === 'duplicate').map((n) => [n.line, n.value])).toEqual([
      [9233, 'job_11_003zz'],
      [9234, 'job_11_001os'],
    ]);
  });
});
