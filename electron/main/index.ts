import { join } from 'node:path';
import { startDesk } from './start-desk';

// electron-vite builds this file to out/main/index.js, beside out/preload and out/renderer.
startDesk({
  preload: join(__dirname, '../preload/index.js'),
  renderer: join(__dirname, '../renderer'),
});
