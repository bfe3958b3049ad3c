import type { PickedFile } from '../../../shared/bridge/desktop-api';
import type {
  ByteSourceSpec,
  FromWorker,
  ImportOutcome,
  ImportProgress,
  PreviewResult,
  ReadChoices,
  ToWorker,
} from '../../workers/import-protocol';

/** A picked file: the browser shell keeps the File, so the worker can read it itself. */
export type SourceFile = PickedFile & { file?: Blob };

function sourceSpec(picked: SourceFile): ByteSourceSpec {
  return picked.file ? { kind: 'file', file: picked.file } : { kind: 'relay', size: picked.size };
}

function meta(picked: SourceFile) {
  return { name: picked.name, size: picked.size, lastModified: picked.lastModified };
}

/**
 * One worker per file being previewed or imported. The page's side of the protocol: it relays
 * desktop file slices, and turns replies into promises and progress callbacks.
 */
export class ImportWorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly replies = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private importDone: ((outcome: ImportOutcome) => void) | null = null;
  private onProgress: ((p: ImportProgress) => void) | null = null;

  constructor(private readonly picked: SourceFile) {
    this.worker = new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
  }

  private send(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'read':
        this.picked.read(message.offset, message.length).then(
          (bytes) => this.send({ type: 'slice', requestId: message.requestId, bytes }, [bytes.buffer]),
          (error: unknown) =>
            this.send({ type: 'slice', requestId: message.requestId, bytes: null, error: String(error) }),
        );
        return;
      case 'preview-result':
        this.settle(message.id, message.result);
        return;
      case 'hash-result':
        this.settle(message.id, message.sha256);
        return;
      case 'error':
        if (message.id !== undefined) this.fail(message.id, new Error(message.message));
        return;
      case 'progress':
        this.onProgress?.(message.progress);
        return;
      case 'done':
        this.importDone?.(message.outcome);
        this.importDone = null;
    }
  }

  private settle(id: number, value: unknown): void {
    this.replies.get(id)?.resolve(value);
    this.replies.delete(id);
  }

  private fail(id: number, error: Error): void {
    this.replies.get(id)?.reject(error);
    this.replies.delete(id);
  }

  private ask<T>(build: (id: number) => ToWorker): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.replies.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send(build(id));
    });
  }

  preview(choices: ReadChoices): Promise<PreviewResult> {
    return this.ask((id) => ({
      type: 'preview',
      id,
      source: sourceSpec(this.picked),
      file: meta(this.picked),
      choices,
    }));
  }

  sha256(): Promise<string> {
    return this.ask((id) => ({ type: 'hash', id, source: sourceSpec(this.picked) }));
  }

  import(
    batchId: string,
    choices: ReadChoices,
    actor: string,
    resume: boolean,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportOutcome> {
    this.onProgress = onProgress;
    return new Promise((resolve) => {
      this.importDone = resolve;
      this.send({
        type: 'import',
        batchId,
        source: sourceSpec(this.picked),
        file: meta(this.picked),
        choices,
        actor,
        resume,
      });
    });
  }

  cancel(): void {
    this.send({ type: 'cancel' });
  }

  dispose(): void {
    this.worker.terminate();
  }
}
