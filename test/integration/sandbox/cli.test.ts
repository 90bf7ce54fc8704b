import { afterAll, describe, expect, it } from 'vitest';
import { sdkFor } from '../../support/sandbox-client.js';
import { control } from './control-api.js';
import { runCli, startCli, type CliSandbox } from './cli-process.js';

describe('sandbox CLI', () => {
  const started: CliSandbox[] = [];
  afterAll(async () => {
    for (const s of started) await s.stop('SIGKILL');
  });

  it('prints exactly the URL, client id and token, serves, and stops cleanly on SIGTERM', async () => {
    const cli = await startCli(['--port', '0', '--members', '25', '--seed', '3', '--latency-ms', '5', '--write-rate', '2.5', '--token-ttl', '600']);
    started.push(cli);
    expect(cli.lines[0]).toMatch(/^SANDBOX_URL=http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.lines[1]).toBe('SANDBOX_CLIENT_ID=tk-sandbox-app');
    expect(cli.lines[2]).toMatch(/^SANDBOX_ACCESS_TOKEN=\S+$/);

    const sb = { url: cli.env.SANDBOX_URL, accessToken: cli.env.SANDBOX_ACCESS_TOKEN };
    const info = await sdkFor(sb).teamGetInfo();
    expect(info.result.team_id).toBe('dbtid:tk-sandbox-3');
    const state = await control(sb, 'GET', 'state');
    expect(state.body.members).toHaveLength(25);
    expect(state.body.config).toMatchObject({ latencyMs: 5, writeRate: 2.5, tokenTtlSeconds: 600 });

    expect(await cli.stop('SIGTERM')).toBe(0);
    await expect(fetch(`${sb.url}/__sandbox/state`)).rejects.toThrow();
  });

  it('lets web pages use the control API only from the origins given with --allow-origin', async () => {
    const cli = await startCli(['--members', '3', '--allow-origin', 'http://127.0.0.1:5173', '--allow-origin=http://localhost:8080']);
    started.push(cli);
    const state = (origin: string) => fetch(`${cli.env.SANDBOX_URL}/__sandbox/state`, { headers: { Origin: origin } }).then((r) => r.status);
    expect(await state('http://127.0.0.1:5173')).toBe(200);
    expect(await state('http://localhost:8080')).toBe(200);
    expect(await state('http://127.0.0.1:1')).toBe(403);
  });

  it('stops on SIGINT too', async () => {
    const cli = await startCli(['--members', '3']);
    started.push(cli);
    expect(await cli.stop('SIGINT')).toBe(0);
  });

  it('refuses bad flags and values with exit code 2 and a clear message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--bogus'], /Unknown option '--bogus'/],
      [['--port', 'abc'], /--port must be a whole number from 0 to 65535/],
      [['--members', '1e3'], /--members must be a whole number from 1/],
      [['--seed', '-1'], /--seed/],
      [['--write-rate', 'fast'], /--write-rate must be a number/],
      [['--token-ttl', '0'], /--token-ttl must be a whole number from 1/],
      [['--state'], /--state/],
      [['--allow-origin', 'http://127.0.0.1:5173/'], /--allow-origin needs an origin/],
      [['--allow-origin', '*'], /--allow-origin needs an origin/],
      [['extra'], /positional/i],
    ];
    // Each case is a short-lived process; running them side by side keeps the test quick.
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    results.forEach((r, i) => {
      const label = cases[i][0].join(' ');
      expect(r.code, label).toBe(2);
      expect(r.stdout, label).toBe('');
      expect(r.stderr, label).toMatch(cases[i][1]);
      expect(r.stderr, label).toMatch(/Usage: npm run sandbox/);
    });
  });

  it('prints usage for --help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--write-rate N/);
  });
});
