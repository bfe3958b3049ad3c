import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewDeskDb } from '../../../renderer/data/db';
import { exportSetOf } from '../../../renderer/data/export-sets';
import { suggestionInputsStamp } from '../../../renderer/data/review-queries';

const NAME = 'suggestion-inputs-stamp-test';

afterEach(async () => {
  await new ReviewDeskDb(NAME).delete();
});

describe('what stored suggestions were computed from', () => {
  it('changes when a batch is exported, so a second request for an exported generation is suggested again', async () => {
    const db = new ReviewDeskDb(NAME);
    const before = await suggestionInputsStamp(db, 'settings-sha');
    const batch = {
      batch_id: 'B-1',
      created_at: '2026-11-26T00:00:00Z',
      signer: { key: 'ssh-ed25519 AAAA' },
    };
    await db.exportSets.add(exportSetOf(batch, [], { own: true, exportedBy: 'ana@finance' }));
    const after = await suggestionInputsStamp(db, 'settings-sha');
    expect(after).not.toBe(before);
    expect(await suggestionInputsStamp(db, 'other-settings')).not.toBe(after);
    db.close();
  });
});
