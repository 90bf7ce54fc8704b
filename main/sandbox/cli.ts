import { parseArgs } from 'node:util';
import { startSandbox, type RunningSandbox, type StartOptions } from './server.js';

const USAGE = `Usage: npm run sandbox -- [options]

Runs the Dropbox Team API sandbox on 127.0.0.1 and prints, one per line:
  SANDBOX_URL=…  SANDBOX_CLIENT_ID=…  SANDBOX_ACCESS_TOKEN=…

Options:
  --port N          port to listen on (default 0: any free port)
  --members N       members in the seeded team (default 40)
  --seed N          seed for the team's data (default 1)
  --latency-ms N    delay before every API answer, in ms (default 0)
  --write-rate N    write calls per second before 429s (default 0: unlimited)
  --token-ttl S     lifetime of OAuth access tokens, in seconds (default 14400)
  --state FILE      keep the team in FILE across restarts (an existing FILE
                    wins over --members and --seed); writes go to a change
                    log beside it (FILE.log.N), folded into FILE in the
                    background
  --compact-kb N    fold the change log into FILE once it holds N KiB
                    (default 8192)
  --allow-origin O  let web pages of origin O (e.g. http://127.0.0.1:5173) use
                    the control API; repeat for more (default: no web page)
  -h, --help        show this help
`;

function usageError(message: string): never {
  process.stderr.write(`sandbox: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** A whole number within bounds, or a usage error naming the flag. */
function whole(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) usageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function rate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 1_000_000)) usageError(`--write-rate must be a number of writes per second (0 = unlimited), got "${value}"`);
  return n;
}

function kib(n: number | undefined): number | undefined {
  return n === undefined ? undefined : n * 1024;
}

function parseOptions(argv: string[]): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        members: { type: 'string' },
        seed: { type: 'string' },
        'latency-ms': { type: 'string' },
        'write-rate': { type: 'string' },
        'token-ttl': { type: 'string' },
        state: { type: 'string' },
        'compact-kb': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    usageError((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (values.state === '') usageError('--state needs a file name');
  return {
    port: whole('port', values.port, 0, 65_535),
    members: whole('members', values.members, 1, 200_000),
    seed: whole('seed', values.seed, 0, 2 ** 31 - 1),
    latencyMs: whole('latency-ms', values['latency-ms'], 0, 60_000),
    writeRate: rate(values['write-rate']),
    tokenTtlSeconds: whole('token-ttl', values['token-ttl'], 1, 30 * 24 * 60 * 60),
    statePath: values.state,
    compactBytes: kib(whole('compact-kb', values['compact-kb'], 1, 4 * 1024 * 1024)),
    controlOrigins: values['allow-origin']?.map(origin),
  };
}

/** Exactly an origin as browsers send it: scheme, host and port, no path. */
function origin(value: string): string {
  if (URL.parse(value)?.origin !== value) usageError(`--allow-origin needs an origin such as http://127.0.0.1:5173, got "${value}"`);
  return value;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  let running: RunningSandbox | undefined;
  let stopping = false;
  // Installed before the URL is printed: whoever reads it may signal at once.
  const stop = (): void => {
    // A second signal while closing means "now".
    if (stopping || !running) process.exit(stopping ? 1 : 0);
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`sandbox: error while stopping: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    running = await startSandbox(options);
  } catch (err) {
    process.stderr.write(`sandbox: cannot start: ${(err as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`SANDBOX_URL=${running.url}\nSANDBOX_CLIENT_ID=${running.clientId}\nSANDBOX_ACCESS_TOKEN=${running.accessToken}\n`);
  process.stderr.write(`Sandbox team with ${running.sandbox.store.state.members.length} members is up. Stop with Ctrl+C.\n`);
}

void main();
