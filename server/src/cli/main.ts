import { runCli } from './cli';

// process.exitCode rather than process.exit(): a large report piped to another program must drain first.
process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => {
    if (text) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
});

// `muharrir check … | head` closes the pipe early; that is the reader's choice, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
