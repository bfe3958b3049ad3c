import type { IpcHandler } from '../ipc/handle';
import type { HandlerDeps } from './deps';

export const signingStatus: IpcHandler<'signing:status', HandlerDeps> = (_sender, _payload, deps) =>
  deps.keyring.status();

export const signingGenerate: IpcHandler<'signing:generate', HandlerDeps> = (_sender, request, deps) =>
  deps.keyring.generate(request.identity);

export const signingImport: IpcHandler<'signing:import', HandlerDeps> = (_sender, request, deps) =>
  deps.keyring.importOpenSsh(request.privateKeyText, request.identity);

export const signingSign: IpcHandler<'signing:sign', HandlerDeps> = (_sender, request, deps) =>
  deps.keyring.sign(request.namespace, request.data);
