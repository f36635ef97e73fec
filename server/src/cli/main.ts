import { runCliParallel } from './cli';
import { isCheckWorker, workerMain } from './parallel';

// The bundle is also the worker threads' entry: a large archive is checked on every core.
if (isCheckWorker()) {
  workerMain();
} else {
  // `muharrir check … | head` closes the pipe early; that is the reader's choice, not a crash.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  // Workers need a plain JavaScript file to start from: the bundle, not this source under tsx.
  const entry = __filename.endsWith('.js') ? __filename : undefined;
  void runCliParallel(
    process.argv.slice(2),
    {
      cwd: process.cwd(),
      env: process.env,
      stdout: (text) => {
        if (text) process.stdout.write(text);
      },
      stderr: (text) => process.stderr.write(text),
      stdoutIsTTY: process.stdout.isTTY === true,
    },
    entry,
  ).then((code) => {
    // process.exitCode rather than process.exit(): a large report piped to another program must drain first.
    process.exitCode = code;
  });
}
