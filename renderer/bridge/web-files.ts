import type {
  OpenFilesOptions,
  PickedFile,
  SaveFileOptions,
  SaveFileResult,
} from '../../shared/bridge/desktop-api';

/** Wraps a browser File so it is read in slices, like a file picked through the desktop dialog. */
export function pickedFromFile(file: File): PickedFile & { file: File } {
  return {
    // The import worker reads the File itself rather than through the page.
    file,
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    async read(offset, length) {
      const slice = file.slice(offset, offset + length);
      return new Uint8Array(await slice.arrayBuffer());
    },
  };
}

/** The browser's file dialog: a transient file input. Resolves with [] when the user cancels. */
export function openFilesWithInput(options: OpenFilesOptions): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = options.multiple;
    input.accept = options.filters.flatMap((f) => f.extensions.map((ext) => `.${ext}`)).join(',');
    input.style.display = 'none';
    input.setAttribute('aria-hidden', 'true');
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? [], pickedFromFile));
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/** The browser's save dialog is the download: the file goes to the user's download folder. */
export async function saveWithDownload(options: SaveFileOptions): Promise<SaveFileResult> {
  const blob = new Blob([options.contents as BlobPart], { type: mimeFor(options.suggestedName) });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = options.suggestedName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: revoking synchronously can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, location: options.suggestedName };
}

function mimeFor(name: string): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.csv')) return 'text/csv';
  return 'application/octet-stream';
}
