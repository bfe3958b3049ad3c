/** The SHA-256 of the file being imported, computed on a second thread as the chunks go by. */
export interface FileHasher {
  /**
   * Hands over a chunk: its buffer moves to the hashing thread when `release` says the import is
   * done with it, and is copied otherwise (a reader still sniffing the encoding holds its bytes).
   */
  update(chunk: Uint8Array, release: boolean): void;
  digest(): Promise<string>;
  stop(): void;
}

export function fileHasher(): FileHasher {
  const worker = new Worker(new URL('./file-hash.worker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<string>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ sha256: string }>) => resolve(event.data.sha256);
    worker.onerror = (event) => reject(new Error(event.message || 'the file could not be hashed'));
  });
  // The outcome is read in digest(); an early failure must not surface as an unhandled rejection.
  result.catch(() => undefined);
  return {
    update(chunk, release) {
      const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
      if (release && whole) worker.postMessage({ chunk }, [chunk.buffer as ArrayBuffer]);
      else worker.postMessage({ chunk });
    },
    async digest() {
      worker.postMessage({ done: true });
      try {
        return await result;
      } finally {
        worker.terminate();
      }
    },
    stop() {
      worker.terminate();
    },
  };
}
