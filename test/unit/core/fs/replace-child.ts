/**
 * Child process for durable-file.test.ts: replaces FILE with NEW content and
 * SIGKILLs itself at the named step (or loops replacing until killed from outside).
 * argv: file, step (written | synced | renamed | loop), content size in bytes.
 */
import { replaceFileSync } from '../../../../main/core/fs/durable-file.js';

const [file, step, size] = process.argv.slice(2);
const content = (tag: string) => tag.repeat(Math.ceil(Number(size) / tag.length)).slice(0, Number(size));

if (step === 'loop') {
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) replaceFileSync(file, content(i % 2 ? 'B' : 'C'));
} else {
  replaceFileSync(file, content('N'), {
    onStep: (s) => {
      if (s === step) process.kill(process.pid, 'SIGKILL');
    },
  });
}
