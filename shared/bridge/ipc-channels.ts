/**
 * Every IPC channel between the desktop preload and the main process, in one typed map
 * (request payload → response), with the validators the main process applies to each payload.
 *
 * Adding a channel: add an entry to `IpcChannels`, then TypeScript requires its schema in
 * `ipcPayloadSchemas` here, its handler in `electron/main/handlers/index.ts`, and the preload
 * calls it with `invoke('<channel>', payload)`. The preload imports this file for types only,
 * so zod never ends up in the sandboxed preload bundle.
 */
import { identityProblem } from '../domain/identity';
import { z } from 'zod';
import type { AppInfo, FileFilter, KeyStatus, OpenFilesOptions, SaveFileResult } from './desktop-api';
import { MAX_PRIVATE_KEY_TEXT, MAX_READ_LENGTH, MAX_SAVE_BYTES, MAX_SIGN_BYTES } from './ipc-limits';
import { BATCH_NAMESPACE, DECISION_EXPORT_NAMESPACE } from '../export/batch-format';

export { MAX_PRIVATE_KEY_TEXT, MAX_READ_LENGTH, MAX_SAVE_BYTES, MAX_SIGN_BYTES } from './ipc-limits';

/** The only namespaces the desk signs, so a compromised renderer cannot mint signatures for other uses (e.g. `git`, `file`). */
export const SIGNING_NAMESPACES = [BATCH_NAMESPACE, DECISION_EXPORT_NAMESPACE] as const;
export type SigningNamespace = (typeof SIGNING_NAMESPACES)[number];

/** What `files:open` returns for each picked file: an opaque token stands for the path, which stays in main. */
export interface PickedFileHandle {
  token: string;
  name: string;
  size: number;
  lastModified: number;
}

export interface ReadSliceRequest {
  token: string;
  offset: number;
  length: number;
}

export interface SaveFileRequest {
  title: string;
  suggestedName: string;
  contents: string | Uint8Array;
  filters: FileFilter[];
}

export interface SignRequest {
  namespace: SigningNamespace;
  data: Uint8Array;
}

export interface IpcChannels {
  'app:info': { request: null; response: AppInfo };
  'files:open': { request: OpenFilesOptions; response: PickedFileHandle[] };
  'files:read': { request: ReadSliceRequest; response: Uint8Array };
  'files:save': { request: SaveFileRequest; response: SaveFileResult };
  'signing:status': { request: null; response: KeyStatus };
  'signing:generate': { request: { identity: string }; response: KeyStatus };
  'signing:import': { request: { privateKeyText: string; identity: string }; response: KeyStatus };
  /** Main shows the open dialog and reads the key file itself; null when cancelled. */
  'signing:import-file': { request: { identity: string }; response: KeyStatus | null };
  'signing:sign': { request: SignRequest; response: string };
}

export type IpcChannel = keyof IpcChannels;
export type IpcRequest<C extends IpcChannel> = IpcChannels[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcChannels[C]['response'];

const title = z.string().max(200);
const token = z.string().regex(/^[0-9a-f-]{36}$/);
// Byte offsets are plain integers; beyond 2^53 they are no longer exact.
const byteOffset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/**
 * A reviewer identity becomes an `allowed_signers` principal, which is a comma-separated
 * pattern list ended by whitespace: those characters and wildcards would change its meaning.
 */
export const identitySchema = z
  .string()
  .refine((identity) => identity === identity.trim() && identityProblem(identity) === null, {
    message: 'an identity has no spaces, commas, quotes, wildcards or backslashes',
  });
const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/))
    .min(1)
    .max(20),
});
const filters = z.array(fileFilter).max(20);
/** A bare file name: no folders, so the renderer can suggest a name but never a place. */
const bareFileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\:\p{Cc}]+$/u, 'a file name without folders')
  .refine((name) => name !== '.' && name !== '..', 'a file name without folders');
const bytes = (max: number) =>
  z.instanceof(Uint8Array).refine((value) => value.byteLength <= max, `at most ${max} bytes`);

/** `strictObject` everywhere: an unexpected key (`__proto__`, `constructor`, …) rejects the call. */
export const ipcPayloadSchemas: { [C in IpcChannel]: z.ZodType<IpcRequest<C>> } = {
  'app:info': z.null(),
  'files:open': z.strictObject({ title, filters, multiple: z.boolean() }),
  'files:read': z.strictObject({
    token,
    offset: byteOffset,
    length: z.number().int().min(0).max(MAX_READ_LENGTH),
  }),
  'files:save': z.strictObject({
    title,
    suggestedName: bareFileName,
    contents: z.union([z.string().max(MAX_SAVE_BYTES), bytes(MAX_SAVE_BYTES)]),
    filters,
  }),
  'signing:status': z.null(),
  'signing:generate': z.strictObject({ identity: identitySchema }),
  'signing:import': z.strictObject({
    privateKeyText: z.string().min(1).max(MAX_PRIVATE_KEY_TEXT),
    identity: identitySchema,
  }),
  'signing:import-file': z.strictObject({ identity: identitySchema }),
  'signing:sign': z.strictObject({ namespace: z.enum(SIGNING_NAMESPACES), data: bytes(MAX_SIGN_BYTES) }),
};

export const IPC_CHANNELS = Object.keys(ipcPayloadSchemas) as IpcChannel[];
