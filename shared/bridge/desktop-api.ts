/**
 * The one bridge between the renderer and its host. The desktop app implements it in the
 * preload (over typed IPC, see ipc-channels.ts); the browser shell implements it with a file
 * input, downloads and WebCrypto. Both implementations are checked with `satisfies DesktopApi`.
 */
export type ShellKind = 'desktop' | 'web';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** A file the user picked. Read in slices so that a 2 GB file is never held whole. */
export interface PickedFile {
  name: string;
  size: number;
  lastModified: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface OpenFilesOptions {
  title: string;
  filters: FileFilter[];
  multiple: boolean;
}

export interface SaveFileOptions {
  title: string;
  suggestedName: string;
  contents: string | Uint8Array;
  filters: FileFilter[];
}

export interface SaveFileResult {
  saved: boolean;
  /** Where it went, as the user would say it: a path on desktop, the download name on the web. */
  location: string | null;
}

/** How the private key is kept at rest. `plaintext` means the OS offered no encryption. */
export type KeyStorage = 'safe-storage' | 'plaintext' | 'webcrypto' | 'none';

export interface PublicKeyInfo {
  /** `ssh-ed25519 AAAA… identity` */
  openssh: string;
  /** `SHA256:…` as ssh-keygen prints it. */
  fingerprint: string;
  identity: string;
  createdAt: string;
  active: boolean;
}

export interface KeyStatus {
  storage: KeyStorage;
  /** The active key first, then retired keys kept for verifying older files. */
  keys: PublicKeyInfo[];
}

export interface SigningApi {
  status(): Promise<KeyStatus>;
  generate(identity: string): Promise<KeyStatus>;
  /** An unencrypted OpenSSH Ed25519 private key (`ssh-keygen -t ed25519 -N ''`). */
  importOpenSsh(privateKeyText: string, identity: string): Promise<KeyStatus>;
  /**
   * The same, from a key file the reviewer picks in the host's own open dialog. On the desktop the
   * main process reads and checks the file, so the private key never passes through the page.
   * Null when the dialog is cancelled.
   */
  importOpenSshFile(identity: string): Promise<KeyStatus | null>;
  /** Signs with the active key; returns the armored SSHSIG. The private key never leaves the host. */
  sign(namespace: string, data: Uint8Array): Promise<string>;
}

export interface AppInfo {
  shell: ShellKind;
  version: string;
  platform: string;
}

export interface DesktopApi {
  appInfo(): Promise<AppInfo>;
  openFiles(options: OpenFilesOptions): Promise<PickedFile[]>;
  saveFile(options: SaveFileOptions): Promise<SaveFileResult>;
  signing: SigningApi;
}
