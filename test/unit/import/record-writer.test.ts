import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Payment } from '@shared/domain/records';
import type { AcceptedRecord } from '@shared/reading';
import { ReviewDeskDb } from '../../../renderer/data/db';
import type { ImportBatch } from '../../../renderer/data/import-records';
import { RecordWriter } from '../../../renderer/workers/batch-writer';

const NAME = 'record-writer-test';

function payment(paymentId: string, amountMinor: number): Payment {
  return {
    paymentId,
    createdAt: Date.UTC(2026, 2, 1),
    amountMinor,
    amountRefundedMinor: 0,
    currency: 'EUR',
    status: 'succeeded',
    accountEmail: 'ana@example.com',
    description: 'credits',
    invoiceId: `in_${paymentId}`,
  };
}

function accepted(p: Payment, line: number): AcceptedRecord<'payments'> {
  // The fingerprint stands for the row's content; the amount is what differs here.
  return { line, key: p.paymentId, fingerprint: '', fingerprintValue: p.amountMinor, record: p };
}

async function writeBatch(db: ReviewDeskDb, batchId: string, rows: Payment[]): Promise<RecordWriter> {
  await db.importBatches.put({ id: batchId, kind: 'payments', status: 'running' } as ImportBatch);
  const writer = new RecordWriter(db, batchId, 'payments');
  writer.add(rows.map((p, i) => accepted(p, i + 2)));
  await writer.flush({});
  return writer;
}

afterEach(async () => {
  await new ReviewDeskDb(NAME).delete();
});

describe('RecordWriter (payments, requests and outages)', () => {
  it('stores new rows, skips identical ones another batch stored and flags changed ones as conflicts', async () => {
    const db = new ReviewDeskDb(NAME);
    await writeBatch(db, 'batch-a', [payment('pi_1', 500), payment('pi_2', 700)]);

    const second = await writeBatch(db, 'batch-b', [
      payment('pi_1', 500),
      payment('pi_2', 900),
      payment('pi_3', 100),
    ]);

    expect(second.cross).toEqual({ duplicates: 1, conflicts: 1, stored: 1 });
    const stored = await db.payments.orderBy('paymentId').toArray();
    expect(stored.map((p) => [p.paymentId, p.amountMinor, p.b])).toEqual([
      ['pi_1', 500, 'batch-a'],
      ['pi_2', 700, 'batch-a'],
      ['pi_3', 100, 'batch-b'],
    ]);
    const problems = (await db.importProblems.where('batchId').equals('batch-b').toArray()).flatMap(
      (chunk) => chunk.problems,
    );
    expect(problems.map((p) => [p.severity, p.line, p.value])).toEqual([
      ['duplicate', 2, 'pi_1'],
      ['error', 3, 'pi_2'],
    ]);
    expect((await db.importBatches.get('batch-b'))?.stored).toBe(1);
    db.close();
  });
});
