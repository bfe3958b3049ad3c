import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreditbackBatch } from '@shared/export';
import { db } from '../../../renderer/data/db';
import {
  approveDecision,
  decisionFor,
  requestDecisions,
  undoDecision,
} from '../../../renderer/data/decisions';
import { itemIdempotencyKey } from '@shared/export/item-key';
import {
  exportNextBatch,
  exportSnapshot,
  parseStoredBatch,
  recordForeignBatch,
} from '../../../renderer/data/exports';
import { compensationRecords } from '../../../renderer/data/outage-queries';
import { createProactiveCreditBacks } from '../../../renderer/data/proactive';
import { sha256Hex, utf8 } from '@shared/signing';
import { planBatch } from '../../../renderer/features/exports/export-plan';
import { decision } from './decisions';

const signer = { identity: 'ana@finance', key: `SHA256:${'A'.repeat(43)}` };
const otherDesk = { identity: 'eve@finance', key: `SHA256:${'E'.repeat(43)}` };
const sign = () => Promise.resolve('-----BEGIN SSH SIGNATURE-----\nfake\n-----END SSH SIGNATURE-----\n');

function exportAs(actor = 'ana@finance') {
  return exportNextBatch({ actor, signer, sign });
}

/** Another desk's batch, as the Audit page hands it over after verifying it. */
function foreignBatch(ours: CreditbackBatch, extraJobs: string[]): CreditbackBatch {
  const template = ours.items[0]!;
  const extra = extraJobs.map((jobId, i) => ({
    ...template,
    idempotency_key: `${String(i).padStart(2, '0')}${'f'.repeat(62)}`,
    request_id: `OTHER-${i}`,
    job_id: jobId,
  }));
  return { ...ours, batch_id: `${ours.batch_id}-other`, signer: otherDesk, items: [...ours.items, ...extra] };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('an export', () => {
  it('writes one set for the batch and locks its decisions without rewriting them', async () => {
    await db.decisions.bulkAdd([
      decision({ requestId: 'R1' }),
      decision({ requestId: 'R2', outcome: 'rerun', suggestedOutcome: 'rerun' }),
    ]);
    const { row } = await exportAs();

    const sets = await db.exportSets.toArray();
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({
      id: row.batchId,
      batchId: row.batchId,
      own: true,
      exportedBy: 'ana@finance',
    });
    expect([...sets[0]!.requestIds].sort()).toEqual(['R1', 'R2']);
    expect(sets[0]!.idempotencyKeys).toEqual(parseStoredBatch(row).items.map((i) => i.idempotency_key));
    // The records stay as decided; every reader sees them exported.
    expect((await db.decisions.get('R1'))!.state).toBe('approved');
    expect(await decisionFor('R1')).toMatchObject({ state: 'exported', batchId: row.batchId });
    const queue = await requestDecisions();
    expect(queue.map((d) => [d.requestId, d.state, d.batchId])).toEqual([
      ['R1', 'exported', row.batchId],
      ['R2', 'exported', row.batchId],
    ]);
  });

  it('leaves an exported decision locked: no undo, no approval, never in a second batch', async () => {
    await db.decisions.bulkAdd([
      decision({ requestId: 'R1' }),
      decision({ requestId: 'R2', state: 'decided', flags: [] }),
    ]);
    await exportAs();
    await expect(undoDecision('R1', 'bo@finance')).rejects.toThrow('locked: it can no longer be undone');
    await expect(approveDecision('R2', 'bo@finance')).rejects.toThrow('exported and locked');
    expect(await db.decisions.count()).toBe(2);
    await expect(exportAs()).rejects.toThrow('Nothing is ready to export.');
  });

  it('exports what was approved after the last batch, chained to it', async () => {
    // Most decisions exported: the open one is read by key (exportSnapshot's other path).
    await db.decisions.bulkAdd(['R1', 'R5', 'R6', 'R7', 'R8'].map((requestId) => decision({ requestId })));
    const first = await exportAs();
    await db.decisions.add(decision({ requestId: 'R2' }));
    const second = await exportAs();
    expect(parseStoredBatch(second.row).items.map((i) => i.request_id)).toEqual(['R2']);
    expect(second.row.previousBatchId).toBe(first.row.batchId);
    expect(parseStoredBatch(second.row).previous_batch_sha256).toBe(first.row.sha256);
  });

  it('refuses a generation exported meanwhile, with nothing written', async () => {
    await db.decisions.bulkAdd([decision({ requestId: 'R1' }), decision({ requestId: 'R2' })]);
    const first = await exportAs();
    // The same generation, asked for again through another request.
    await db.decisions.add(decision({ requestId: 'R3', accountEmail: 'r1@example.com', jobId: 'job_R1' }));
    await expect(exportAs()).rejects.toThrow('Nothing is ready to export.');
    // Another desk records a batch with a new generation; a snapshot taken before it is stale.
    await db.decisions.add(decision({ requestId: 'R4', accountEmail: 'r4@example.com', jobId: 'job_R4' }));
    const basis = await exportSnapshot();
    const batch = parseStoredBatch(first.row);
    const foreign = foreignBatch(batch, ['job_R4']);
    foreign.items[foreign.items.length - 1]!.account_email = 'r4@example.com';
    foreign.items[foreign.items.length - 1]!.idempotency_key = itemIdempotencyKey('r4@example.com', 'job_R4');
    expect(await recordForeignBatch({ actor: 'bo@finance', batch: foreign })).toEqual({
      added: 1,
      known: batch.items.length,
    });
    await expect(exportNextBatch({ actor: 'ana@finance', signer, sign, basis })).rejects.toThrow(
      'Job job_R4 was exported meanwhile; nothing was exported.',
    );
    expect(await db.exportBatches.count()).toBe(1);
    expect(await db.exportSets.count()).toBe(2);
    // A decision on a foreign batch's generation is not locked: only this desk's batches lock.
    expect((await decisionFor('R4'))!.state).toBe('approved');
  });

  it('signs the batch the page planned, made at the time of the click', async () => {
    await db.decisions.bulkAdd([decision({ requestId: 'R1' }), decision({ requestId: 'R2' })]);
    const basis = await exportSnapshot();
    const plannedAt = new Date('2026-11-25T23:59:00.000Z');
    const { batch: planned } = await planBatch({
      decisions: basis.decisions,
      exported: basis.exported,
      signer,
      previous: null,
      createdAt: plannedAt,
    });
    const now = new Date('2026-11-26T00:01:00.000Z');
    const { row, signed } = await exportNextBatch({
      actor: 'ana@finance',
      signer,
      sign,
      basis,
      planned,
      now,
    });
    const stored = parseStoredBatch(row);
    expect(stored).toMatchObject({ batch_id: '2026-11-26-0001', created_at: now.toISOString() });
    expect(stored.items).toEqual(planned!.items);
    expect(utf8(row.text)).toEqual(signed.bytes);
    expect(row.sha256).toBe(await sha256Hex(signed.bytes));
    expect(signed.signatureFileName).toBe(`${signed.fileName}.sig`);
    // Planned for another signer: built again for this one.
    await db.decisions.add(decision({ requestId: 'R3' }));
    const next = await exportSnapshot();
    const other = await planBatch({ ...next, signer: otherDesk, previous: null, createdAt: now });
    const second = await exportNextBatch({
      actor: 'ana@finance',
      signer,
      sign,
      basis: next,
      planned: other.batch,
    });
    expect(parseStoredBatch(second.row).signer).toEqual(signer);
    expect(parseStoredBatch(second.row).previous_batch_sha256).toBe(row.sha256);
  });

  it('refuses a stale plan once another batch is out', async () => {
    await db.decisions.add(decision({ requestId: 'R1' }));
    const basis = await exportSnapshot();
    const first = await exportAs();
    await expect(exportNextBatch({ actor: 'ana@finance', signer, sign, basis })).rejects.toThrow(
      `Batch ${first.row.batchId} was exported meanwhile`,
    );
  });

  it('records another desk’s batch once, and its generations are never exported here', async () => {
    await db.decisions.add(decision({ requestId: 'R1' }));
    const { row } = await exportAs();
    const ours = parseStoredBatch(row);
    expect(await recordForeignBatch({ actor: 'bo@finance', batch: ours })).toEqual({ added: 0, known: 1 });
    const foreign = foreignBatch(ours, ['job_X']);
    expect(await recordForeignBatch({ actor: 'bo@finance', batch: foreign })).toEqual({ added: 1, known: 1 });
    expect(await recordForeignBatch({ actor: 'bo@finance', batch: foreign })).toEqual({ added: 0, known: 2 });
    const foreignSet = (await db.exportSets.toArray()).find((s) => !s.own)!;
    expect(foreignSet).toMatchObject({
      exportedBy: 'eve@finance',
      requestIds: ['OTHER-0'],
      jobIds: ['job_X'],
    });
  });
});

describe('outages after an export', () => {
  it('see exported decisions and generations, and make no proactive credit-back for them', async () => {
    await db.decisions.add(decision({ requestId: 'R1' }));
    const { row } = await exportAs();
    const records = await compensationRecords(db, new Set(['job_R1']));
    expect(records.exported.has('r1@example.com\njob_R1')).toBe(true);
    expect(records.requests.get('job_R1')?.[0]?.decision?.state).toBe('exported');

    const proactive = decision({
      requestId: 'proactive:INC-1:job_R1',
      source: 'outage_proactive',
      reason: 'outage_proactive',
      accountEmail: 'r1@example.com',
      jobId: 'job_R1',
      incidentId: 'INC-1',
      state: 'decided',
    });
    const result = await createProactiveCreditBacks([proactive], 'bo@finance');
    expect(result.created).toEqual([]);
    // Decided in R1 and exported in the batch: either reason keeps it out.
    expect(result.skipped[0]?.message).toMatch(/already (decided in R1|exported in batch .+)/);
    expect(row.batchId).toBeTruthy();
  });
});
