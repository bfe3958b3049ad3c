import { describe, expect, it } from 'vitest';
import type { DecisionState } from '@shared/review/decision';
import {
  afterDecisionRemoved,
  evidenceFingerprint,
  planSuggestionUpdate,
  type RequestKey,
  type StoredSuggestion,
} from '@shared/review/stored-suggestion';
import type { Suggestion } from '@shared/policy/types';
import { entry } from '../policy/builders';
import { must, sampleData, suggestionsFor } from './fixtures';

function keys(list: readonly Suggestion[]): Map<string, RequestKey> {
  return new Map(list.map((s) => [s.requestId, { accountEmail: 'x', receivedAt: 1 }]));
}

function storedFrom(list: readonly Suggestion[]): Map<string, StoredSuggestion> {
  const plan = planSuggestionUpdate(list, keys(list), new Map(), new Map());
  return new Map(plan.put.map((s) => [s.requestId, s]));
}

describe('new evidence', () => {
  it('the fingerprint ignores the settings stamp but not the ledger rows', async () => {
    const s = must((await suggestionsFor(sampleData())).get('REQ-1'), 'REQ-1');
    expect(evidenceFingerprint({ ...s, settingsSha256: 'other' })).toBe(evidenceFingerprint(s));
    const more = { ...s, evidence: { ...s.evidence, ledgerEntryIds: [...s.evidence.ledgerEntryIds, 'L9'] } };
    expect(evidenceFingerprint(more)).not.toBe(evidenceFingerprint(s));
  });

  it('re-suggests undecided requests, badges decided ones whose evidence changed, and leaves exported ones alone', async () => {
    const data = sampleData();
    const first = await suggestionsFor(data);
    const stored = storedFrom([...first.values()]);
    // A later ledger import: a restore row for REQ-1's job, and a second deduction for REQ-3's.
    const later = {
      ...data,
      ledger: [
        ...data.ledger,
        entry({ entryId: 'L3', jobId: 'job-fail', type: 'restore', credits: 40 }),
        entry({ entryId: 'L4', jobId: 'job-big', credits: -900, accountEmail: 'bo@example.com' }),
      ],
    };
    const second = await suggestionsFor(later);
    expect(must(second.get('REQ-1'), 'REQ-1').outcome).toBe('deny_duplicate');
    const states = new Map<string, DecisionState>([
      ['REQ-1', 'approved'],
      ['REQ-3', 'exported'],
    ]);
    const plan = planSuggestionUpdate([...second.values()], keys([...second.values()]), stored, states);
    const put = new Map(plan.put.map((s) => [s.requestId, s]));
    const req1 = must(put.get('REQ-1'), 'REQ-1 put');
    expect(req1.outcome).toBe('credit_back');
    expect(req1.newEvidence).toBe(true);
    expect(req1.latest?.outcome).toBe('deny_duplicate');
    expect(put.has('REQ-3')).toBe(false);
    expect(must(put.get('REQ-2'), 'REQ-2').newEvidence).toBe(false);
    expect(plan.counts).toEqual({ suggested: 1, newEvidence: 1, kept: 1 });

    const undone = afterDecisionRemoved(req1);
    expect(undone).toMatchObject({ outcome: 'deny_duplicate', newEvidence: false, latest: null });
    expect(undone.fingerprint).toBe(evidenceFingerprint(must(second.get('REQ-1'), 'x')));
  });

  it('an unchanged decided request is not rewritten, and a vanished undecided one is removed', async () => {
    const first = await suggestionsFor(sampleData());
    const stored = storedFrom([...first.values()]);
    const onlyTwo = [...first.values()].filter((s) => s.requestId !== 'REQ-3');
    const plan = planSuggestionUpdate(onlyTwo, keys(onlyTwo), stored, new Map([['REQ-1', 'decided']]));
    expect(plan.put.map((s) => s.requestId)).toEqual(['REQ-2']);
    expect(plan.remove).toEqual(['REQ-3']);
  });
});

describe('removal with only the decided suggestions at hand', () => {
  it('uses the full list of stored ids', async () => {
    const first = [...(await suggestionsFor(sampleData())).values()];
    const stored = storedFrom(first);
    const decidedOnly = new Map([...stored].filter(([id]) => id === 'REQ-1'));
    const remaining = first.filter((s) => s.requestId === 'REQ-1');
    const plan = planSuggestionUpdate(
      remaining,
      keys(remaining),
      decidedOnly,
      new Map([['REQ-1', 'decided']]),
      stored.keys(),
    );
    expect(plan.remove.sort()).toEqual(['REQ-2', 'REQ-3']);
    expect(plan.put).toEqual([]);
  });
});
