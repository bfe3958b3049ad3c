import { commands } from './commands/index';
import { dispatch } from './dispatch';

void dispatch(process.argv.slice(2), commands, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((status) => {
  process.exitCode = status;
});
