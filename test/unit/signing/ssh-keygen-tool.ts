import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The stock `ssh-keygen` from PATH, driven through temp files, as the billing team would run it. */
export interface KeygenResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function sshKeygen(args: string[], input?: Uint8Array | string): KeygenResult {
  const result = spawnSync('ssh-keygen', args, { input, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'review-desk-sign-'));

  file(name: string, contents?: string | Uint8Array): string {
    const path = join(this.path, name);
    if (contents !== undefined) writeFileSync(path, contents, { mode: 0o600 });
    return path;
  }

  read(name: string): string {
    return readFileSync(join(this.path, name), 'utf8');
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** A fresh key made by ssh-keygen itself, unencrypted. */
export function keygenEd25519(
  dir: TempDir,
  name: string,
  comment: string,
): { privatePath: string; privateText: string; publicLine: string } {
  const privatePath = dir.file(name);
  const made = sshKeygen(['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', privatePath]);
  if (made.status !== 0) throw new Error(`ssh-keygen failed: ${made.stderr}`);
  return { privatePath, privateText: dir.read(name), publicLine: dir.read(`${name}.pub`).trim() };
}

/** `ssh-keygen -Y verify`: true when it accepts, with its message for diagnostics. */
export function keygenVerify(
  dir: TempDir,
  opts: {
    allowedSigners: string;
    identity: string;
    namespace: string;
    signature: string;
    data: Uint8Array | string;
  },
): KeygenResult {
  const signers = dir.file(`allowed-${Math.random().toString(36).slice(2)}`, opts.allowedSigners);
  const sig = dir.file(`sig-${Math.random().toString(36).slice(2)}.sig`, opts.signature);
  return sshKeygen(
    ['-Y', 'verify', '-f', signers, '-I', opts.identity, '-n', opts.namespace, '-s', sig],
    opts.data,
  );
}

/** `ssh-keygen -Y sign` of `data` with a key file; returns the armored signature. */
export function keygenSign(
  dir: TempDir,
  keyPath: string,
  namespace: string,
  data: Uint8Array | string,
): string {
  const dataPath = dir.file(`data-${Math.random().toString(36).slice(2)}`, data);
  const signed = sshKeygen(['-Y', 'sign', '-f', keyPath, '-n', namespace, dataPath]);
  if (signed.status !== 0) throw new Error(`ssh-keygen -Y sign failed: ${signed.stderr}`);
  return readFileSync(`${dataPath}.sig`, 'utf8');
}
