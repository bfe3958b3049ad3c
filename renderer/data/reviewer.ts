import { useLiveQuery } from 'dexie-react-hooks';
import { appendAudit } from './audit';
import { db } from './db';

const REVIEWER_KEY = 'reviewer.identity';

/** The identity that every decision, approval and export is recorded under, e.g. `ana@finance`. */
export function useReviewerIdentity(): string | null | undefined {
  return useLiveQuery(async () => {
    const row = await db.settings.get(REVIEWER_KEY);
    return typeof row?.value === 'string' && row.value !== '' ? row.value : null;
  }, []);
}

/** Changing who is at the desk is recorded, so an approval can be traced to a change of hands. */
export async function setReviewerIdentity(identity: string): Promise<void> {
  const next = identity.trim();
  await db.transaction('rw', db.settings, db.audit, async () => {
    const before = (await db.settings.get(REVIEWER_KEY))?.value ?? null;
    if (before === next) return;
    await db.settings.put({ key: REVIEWER_KEY, value: next });
    await appendAudit({
      actor: next,
      action: 'settings.change',
      subject: 'reviewer.identity',
      before,
      after: next,
    });
  });
}

export { identityProblem } from '../../shared/domain/identity';
