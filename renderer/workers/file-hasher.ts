import { Sha256 } from '../../shared/reading';
import type { ByteSource } from './byte-source';

/** The SHA-256 of the file being imported, computed beside the parsing or inline. */
export interface FileHasher {
  /** Called with each chunk the import reads, in order. */
  update(chunk: Uint8Array): void;
  digest(): Promise<string>;
  stop(): void;
}

/** On a second thread when the file is a Blob the worker can read itself; inline otherwise. */
export function fileHasher(source: ByteSource): FileHasher {
  return source.blob ? new ThreadHasher(source.blob) : new InlineHasher();
}

class InlineHasher implements FileHasher {
  private readonly sha = new Sha256();

  update(chunk: Uint8Array): void {
    this.sha.update(chunk);
  }

  digest(): Promise<string> {
    return Promise.resolve(this.sha.hex());
  }

  stop(): void {}
}

class ThreadHasher implements FileHasher {
  private readonly worker = new Worker(new URL('./file-hash.worker.ts', import.meta.url), { type: 'module' });
  private readonly result: Promise<string>;

  constructor(blob: Blob) {
    this.result = new Promise<string>((resolve, reject) => {
      this.worker.onmessage = (event: MessageEvent<{ sha256: string } | { error: string }>) => {
        const reply = event.data;
        if ('sha256' in reply) resolve(reply.sha256);
        else reject(new Error(reply.error));
      };
      this.worker.onerror = (event) => reject(new Error(event.message || 'the file could not be hashed'));
    });
    // The outcome is read in digest(); an early failure must not surface as an unhandled rejection.
    this.result.catch(() => undefined);
    this.worker.postMessage({ file: blob });
  }

  update(): void {}

  async digest(): Promise<string> {
    try {
      return await this.result;
    } finally {
      this.worker.terminate();
    }
  }

  stop(): void {
    this.worker.terminate();
  }
}
