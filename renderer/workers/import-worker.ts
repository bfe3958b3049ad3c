import { Sha256 } from '../../shared/reading';
import { SliceRelay, chunksOf, openByteSource } from './byte-source';
import type { FromWorker, ToWorker } from './import-protocol';
import { runImport, type ImportControl } from './import-job';
import { previewFile } from './preview';

/** The import worker: previews, hashes and imports files off the page's main thread. */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker) => scope.postMessage(message);

const relay = new SliceRelay((requestId, offset, length) =>
  post({ type: 'read', requestId, offset, length }),
);
let current: ImportControl | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'slice':
      relay.answer(message.requestId, { bytes: message.bytes, error: message.error });
      return;
    case 'cancel':
      if (current) current.cancelled = true;
      return;
    case 'preview':
      previewFile(openByteSource(message.source, relay), message.file, message.choices).then(
        (result) => post({ type: 'preview-result', id: message.id, result }),
        (error: unknown) => post({ type: 'error', id: message.id, message: String(error) }),
      );
      return;
    case 'hash':
      hashAll(message.source).then(
        (sha256) => post({ type: 'hash-result', id: message.id, sha256 }),
        (error: unknown) => post({ type: 'error', id: message.id, message: String(error) }),
      );
      return;
    case 'import': {
      const control: ImportControl = {
        cancelled: false,
        progress: (progress) => post({ type: 'progress', progress }),
      };
      current = control;
      const { batchId, file, choices, actor, resume } = message;
      runImport(openByteSource(message.source, relay), { batchId, file, choices, actor, resume }, control)
        .then(
          (outcome) => post({ type: 'done', outcome }),
          (error: unknown) =>
            post({ type: 'done', outcome: { status: 'failed', batchId, message: String(error) } }),
        )
        .finally(() => {
          if (current === control) current = null;
        });
    }
  }
};

async function hashAll(spec: Parameters<typeof openByteSource>[0]): Promise<string> {
  const sha = new Sha256();
  for await (const chunk of chunksOf(openByteSource(spec, relay), 4 * 1024 * 1024)) sha.update(chunk);
  return sha.hex();
}
