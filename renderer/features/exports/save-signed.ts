import type { SaveFileResult } from '../../../shared/bridge/desktop-api';
import type { SignedFile } from '../../../shared/export';
import { desktop } from '../../bridge';

/** Saves a file and its `.sig` side by side: two dialogs on desktop, two downloads in a browser. */
export async function saveSignedFile(
  signed: SignedFile,
  kind: { name: string; extension: string },
): Promise<{ file: SaveFileResult; signature: SaveFileResult | null }> {
  const file = await desktop.saveFile({
    title: `Save ${signed.fileName}`,
    suggestedName: signed.fileName,
    contents: signed.bytes,
    filters: [{ name: kind.name, extensions: [kind.extension] }],
  });
  if (!file.saved) return { file, signature: null };
  const signature = await desktop.saveFile({
    title: `Save ${signed.signatureFileName}`,
    suggestedName: signed.signatureFileName,
    contents: signed.signature,
    filters: [{ name: 'SSH signature', extensions: ['sig'] }],
  });
  return { file, signature };
}

/** What the user is told after saving, in their own terms. */
export function savedMessage(
  signed: SignedFile,
  result: { file: SaveFileResult; signature: SaveFileResult | null },
): string {
  if (!result.file.saved) return `${signed.fileName} was not saved.`;
  if (!result.signature?.saved)
    return `${signed.fileName} was saved to ${result.file.location}, but its signature was not.`;
  return `Saved ${result.file.location} and ${result.signature.location}.`;
}
