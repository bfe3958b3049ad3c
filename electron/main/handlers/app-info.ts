import type { IpcHandler } from '../ipc/handle';
import type { HandlerDeps } from './deps';

export const appInfo: IpcHandler<'app:info', HandlerDeps> = (_sender, _payload, deps) => ({
  shell: 'desktop',
  version: deps.app.version,
  platform: deps.app.platform,
});
