import type { PolicySettings } from '../policy/settings';

/** One saved version of the policy settings; the newest is in force. Versions are never edited. */
export interface PolicySettingsVersion {
  version: number;
  settings: PolicySettings;
  sha256: string;
  savedBy: string;
  savedAt: string;
  /** Why the reviewer changed them, as typed on the Settings page. */
  note: string;
}

/** A job a reviewer re-picked from a request's candidates; the rules run again with it. */
export interface JobPick {
  requestId: string;
  jobId: string;
  pickedBy: string;
  pickedAt: string;
}
