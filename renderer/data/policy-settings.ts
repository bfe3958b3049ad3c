import { useLiveQuery } from 'dexie-react-hooks';
import {
  DEFAULT_SETTINGS,
  settingsSha256,
  validateSettings,
  type PolicySettings,
} from '../../shared/policy/settings';
import type { PolicySettingsVersion } from '../../shared/review/policy-settings-version';
import { appendAudit } from './audit';
import { db, type ReviewDeskDb } from './db';

/** Version 0 is the spec's defaults, in force until a reviewer saves a version of their own. */
let defaultsVersion: Promise<PolicySettingsVersion> | null = null;
function defaults(): Promise<PolicySettingsVersion> {
  defaultsVersion ??= settingsSha256(DEFAULT_SETTINGS).then((sha256) => ({
    version: 0,
    settings: DEFAULT_SETTINGS,
    sha256,
    savedBy: '',
    savedAt: '',
    note: 'The defaults of the policy rules',
  }));
  return defaultsVersion;
}

export async function settingsInForce(database: ReviewDeskDb = db): Promise<PolicySettingsVersion> {
  return (await database.policySettings.orderBy('version').last()) ?? defaults();
}

export function useSettingsInForce(): PolicySettingsVersion | undefined {
  return useLiveQuery(() => settingsInForce(), []);
}

/** Newest first. */
export function useSettingsHistory(): PolicySettingsVersion[] | undefined {
  return useLiveQuery(() => db.policySettings.orderBy('version').reverse().toArray(), []);
}

export type SaveSettingsResult =
  { ok: true; version: PolicySettingsVersion } | { ok: false; errors: string[] };

/**
 * Saves a new version when the settings are valid and differ from those in force; the audit log
 * records the change with the versions before and after in the same transaction.
 */
export async function savePolicySettings(
  input: unknown,
  actor: string,
  note: string,
): Promise<SaveSettingsResult> {
  if (actor.trim() === '')
    return { ok: false, errors: ['Set your reviewer identity before changing settings.'] };
  const checked = validateSettings(input);
  if (!checked.ok) return checked;
  const settings: PolicySettings = checked.settings;
  // WebCrypto is asynchronous: hash before the transaction so nothing inside it awaits a non-IDB promise.
  const sha256 = await settingsSha256(settings);
  const fallback = await defaults();
  return db.transaction('rw', db.policySettings, db.audit, async () => {
    const before = (await db.policySettings.orderBy('version').last()) ?? fallback;
    if (before.sha256 === sha256)
      return { ok: false as const, errors: ['Nothing changed: these are the settings in force.'] };
    const version: PolicySettingsVersion = {
      version: before.version + 1,
      settings,
      sha256,
      savedBy: actor.trim(),
      savedAt: new Date().toISOString(),
      note: note.trim(),
    };
    await db.policySettings.add(version);
    await appendAudit({
      actor: actor.trim(),
      action: 'settings.change',
      subject: `policy-settings:${version.version}`,
      before: { version: before.version, sha256: before.sha256, settings: before.settings },
      after: { version: version.version, sha256, settings, note: version.note },
    });
    return { ok: true as const, version };
  });
}
