import { create } from 'zustand';
import type { ImportBatch } from '../../data/import-records';
import { completedBatchesOfSize, newBatchId, profileForHeaders } from '../../data/imports';
import type {
  ImportOutcome,
  ImportProgress,
  PreviewResult,
  ReadChoices,
} from '../../workers/import-protocol';
import { ImportWorkerClient, type SourceFile } from './import-client';

export type SessionPhase = 'preview' | 'checking' | 'importing' | 'done';

/** One picked file on its way in: preview, choices, then the import and its outcome. */
export interface ImportSession {
  id: number;
  picked: SourceFile;
  client: ImportWorkerClient;
  choices: ReadChoices;
  preview: PreviewResult | null;
  previewing: boolean;
  /** The saved profile applied to this file, if one matched its header set. */
  profileName: string | null;
  phase: SessionPhase;
  progress: ImportProgress | null;
  outcome: ImportOutcome | null;
  /** Set when this session re-imports an interrupted batch. */
  resumeBatchId: string | null;
  message: string | null;
}

export const DEFAULT_CHOICES: ReadChoices = {
  kind: null,
  encoding: null,
  delimiter: null,
  dateOrder: 'mdy',
  timeZone: 'UTC',
  mapping: null,
};

interface SessionsState {
  sessions: ImportSession[];
  addFiles(files: SourceFile[]): void;
  setChoices(id: number, patch: Partial<ReadChoices>, profileName?: string | null): void;
  startImport(id: number, actor: string): Promise<void>;
  resume(batch: ImportBatch, file: SourceFile, actor: string): void;
  cancel(id: number): void;
  dismiss(id: number): void;
}

let nextId = 1;

/**
 * Sessions live outside the page component so an import keeps running, and keeps reporting,
 * while the reviewer looks at another page. Workers are created here and ended on dismiss.
 */
export const useImportSessions = create<SessionsState>((set, get) => {
  const update = (id: number, patch: Partial<ImportSession>) =>
    set((s) => ({ sessions: s.sessions.map((x) => (x.id === id ? { ...x, ...patch } : x)) }));
  const find = (id: number) => get().sessions.find((x) => x.id === id);

  const runPreview = async (id: number, applyProfile: boolean) => {
    const session = find(id);
    if (!session) return;
    update(id, { previewing: true });
    try {
      const preview = await session.client.preview(session.choices);
      update(id, { preview, previewing: false });
      if (applyProfile && preview.mapping) {
        const profile = await profileForHeaders(preview.mapping.headers);
        if (profile) {
          const { encoding, ...rest } = profile.settings;
          get().setChoices(id, { ...rest, encoding: encoding ?? null }, profile.name);
        }
      }
    } catch (error) {
      update(id, { previewing: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  const runImport = async (id: number, batchId: string, actor: string, resume: boolean) => {
    const session = find(id);
    if (!session) return;
    update(id, { phase: 'importing', progress: null, message: null });
    const outcome = await session.client.import(batchId, session.choices, actor, resume, (progress) =>
      update(id, { progress }),
    );
    update(id, { phase: 'done', outcome });
  };

  return {
    sessions: [],
    addFiles(files) {
      const added = files.map<ImportSession>((picked) => ({
        id: nextId++,
        picked,
        client: new ImportWorkerClient(picked),
        choices: { ...DEFAULT_CHOICES },
        preview: null,
        previewing: true,
        profileName: null,
        phase: 'preview',
        progress: null,
        outcome: null,
        resumeBatchId: null,
        message: null,
      }));
      set((s) => ({ sessions: [...s.sessions, ...added] }));
      for (const session of added) void runPreview(session.id, true);
    },
    setChoices(id, patch, profileName) {
      const session = find(id);
      if (!session) return;
      const choices = { ...session.choices, ...patch };
      update(id, { choices, ...(profileName !== undefined ? { profileName } : {}) });
      void runPreview(id, false);
    },
    async startImport(id, actor) {
      const session = find(id);
      if (!session) return;
      // The same bytes imported before change nothing: hash first when a finished batch has this size.
      const sameSize = await completedBatchesOfSize(session.picked.size);
      if (sameSize.length > 0) {
        update(id, { phase: 'checking' });
        const sha256 = await session.client.sha256();
        const earlier = sameSize.find((b) => b.sha256 === sha256);
        if (earlier) {
          update(id, {
            phase: 'done',
            outcome: {
              status: 'already-imported',
              batchId: '',
              previousBatchId: earlier.id,
              previousAt: earlier.startedAt,
            },
          });
          return;
        }
      }
      await runImport(id, newBatchId(), actor, false);
    },
    resume(batch, file, actor) {
      const id = nextId++;
      const { settings } = batch;
      const session: ImportSession = {
        id,
        picked: file,
        client: new ImportWorkerClient(file),
        choices: {
          kind: settings.kind,
          encoding: settings.encoding,
          delimiter: settings.delimiter,
          dateOrder: settings.dateOrder,
          timeZone: settings.timeZone,
          mapping: Object.keys(settings.mapping).length > 0 ? settings.mapping : null,
        },
        preview: null,
        previewing: false,
        profileName: null,
        phase: 'importing',
        progress: null,
        outcome: null,
        resumeBatchId: batch.id,
        message: null,
      };
      set((s) => ({ sessions: [...s.sessions, session] }));
      void runImport(id, batch.id, actor, true);
    },
    cancel(id) {
      find(id)?.client.cancel();
    },
    dismiss(id) {
      const session = find(id);
      if (!session || session.phase === 'importing' || session.phase === 'checking') return;
      session.client.dispose();
      set((s) => ({ sessions: s.sessions.filter((x) => x.id !== id) }));
    },
  };
});
