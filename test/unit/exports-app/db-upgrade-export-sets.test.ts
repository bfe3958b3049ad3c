import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewDeskDb } from '../../../renderer/data/db';
import type { ExportBatchRow, ExportedItemRow } from '../../../renderer/data/export-records';
import { exportLocksOf, exportedItemsOf, withExportLock } from '../../../renderer/data/export-sets';
import { decision } from './decisions';

const NAME = 'review-desk-upgrade-test';

/** The stores as version 7 of the desk declared them (renderer/data/db.ts). */
function version7(): Dexie {
  const old = new Dexie(NAME);
  old.version(7).stores({
    settings: '&key',
    audit: '&seq, action, actor, subject',
    signingKeys: '&fingerprint',
    exportBatches: '&batchId, createdAt',
    exportedItems: '&idempotencyKey, batchId, requestId',
    suggestions: '&requestId, outcome, accountEmail, jobId',
    decisions: '&requestId, state, accountEmail, jobId, batchId, source',
    policySettings: '&version',
    jobPicks: '&requestId',
    importBatches: '&id, sha256, status, startedAt',
    importProblems: '++id, batchId',
    mappingProfiles: '&name, headerKey',
    rowBlocks: '++id, g, b',
    payments: '&paymentId, accountEmail, b',
    requests: '&requestId, accountEmail, state, receivedAt, b',
    outages: '&incidentId, b',
  });
  return old;
}

function item(key: string, requestId: string, batchId: string, by: string, at: string): ExportedItemRow {
  return {
    idempotencyKey: key,
    batchId,
    requestId,
    accountEmail: `${requestId.toLowerCase()}@example.com`,
    jobId: `job_${requestId}`,
    remedy: 'credit_back',
    credits: 10,
    exportedBy: by,
    exportedAt: at,
  };
}

function ownBatch(batchId: string, keys: string[]): ExportBatchRow {
  return {
    batchId,
    createdAt: '2026-11-20T10:00:00.000Z',
    fileName: `creditback-batch-${batchId}.json`,
    text: JSON.stringify({ items: keys.map((k) => ({ idempotency_key: k })) }),
    sha256: 'c'.repeat(64),
    signature: 'sig',
    signerIdentity: 'ana@finance',
    signerKey: 'SHA256:ana',
    totals: { items: keys.length, credits: 10 * keys.length, reruns: 0 },
    previousBatchId: null,
  };
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('version 8 of the database', () => {
  it('turns the exported items into one set per batch and keeps exported decisions locked', async () => {
    const old = version7();
    await old.open();
    const ownAt = '2026-11-20T10:00:00.000Z';
    await old.table('exportBatches').add(ownBatch('2026-11-20-0001', ['k2', 'k1']));
    await old.table('exportedItems').bulkAdd([
      item('k1', 'R1', '2026-11-20-0001', 'ana@finance', ownAt),
      item('k2', 'R2', '2026-11-20-0001', 'ana@finance', ownAt),
      // Another desk's batch that happens to have the same id, and one more of that desk.
      item('k3', 'X1', '2026-11-20-0001', 'eve@finance', '2026-11-21T09:00:00.000Z'),
      item('k4', 'X2', '2026-11-22-0007', 'eve@finance', '2026-11-22T09:00:00.000Z'),
      item('k5', 'X3', '2026-11-22-0007', 'eve@finance', '2026-11-22T09:00:00.000Z'),
    ]);
    await old
      .table('decisions')
      .bulkAdd([
        decision({ requestId: 'R1', state: 'exported', batchId: '2026-11-20-0001' }),
        decision({ requestId: 'R2', state: 'exported', batchId: '2026-11-20-0001' }),
        decision({ requestId: 'R9' }),
      ]);
    old.close();

    const upgraded = new ReviewDeskDb(NAME);
    await upgraded.open();
    const sets = await upgraded.exportSets.toArray();
    const own = sets.filter((s) => s.own);
    expect(own).toHaveLength(1);
    // In the order of the stored file.
    expect(own[0]).toMatchObject({
      id: '2026-11-20-0001',
      idempotencyKeys: ['k2', 'k1'],
      requestIds: ['R2', 'R1'],
      exportedBy: 'ana@finance',
    });
    const foreign = sets.filter((s) => !s.own).map((s) => [s.batchId, s.exportedBy, s.idempotencyKeys]);
    expect(foreign.sort()).toEqual([
      ['2026-11-20-0001', 'eve@finance', ['k3']],
      ['2026-11-22-0007', 'eve@finance', ['k4', 'k5']],
    ]);
    // Every generation is still known, with what the Exports page says about it.
    const items = exportedItemsOf(sets);
    expect([...items.keys()].sort()).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    expect(items.get('k4')).toEqual(
      item('k4', 'X2', '2026-11-22-0007', 'eve@finance', '2026-11-22T09:00:00.000Z'),
    );
    expect(upgraded.backendDB().objectStoreNames.contains('exportedItems')).toBe(false);
    // Decisions are not rewritten: the exported ones stay exported, the open one stays open.
    const locks = exportLocksOf(sets);
    const states = (await upgraded.decisions.toArray()).map((d) => [
      d.requestId,
      withExportLock(d, locks).state,
    ]);
    expect(states).toEqual([
      ['R1', 'exported'],
      ['R2', 'exported'],
      ['R9', 'approved'],
    ]);
    upgraded.close();
  });

  it('opens an empty desk', async () => {
    const old = version7();
    await old.open();
    old.close();
    const upgraded = new ReviewDeskDb(NAME);
    await upgraded.open();
    expect(await upgraded.exportSets.count()).toBe(0);
    upgraded.close();
  });
});
