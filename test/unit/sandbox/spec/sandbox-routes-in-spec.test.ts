import { describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../../../main/sandbox/routes/index.js';
import { dropboxSpec } from '../../../../main/sandbox/spec/dropbox-spec.js';

describe('the sandbox routes and the spec', () => {
  const spec = dropboxSpec();

  it('finds every route the sandbox serves in the parsed spec, with the same scope', () => {
    const missing = ALL_ROUTES.filter((r) => !spec.routeForPath(r.path)).map((r) => r.path);
    expect(missing).toEqual([]);
    const scopes = ALL_ROUTES.map((r) => [r.path, r.scope]);
    // auth/token/revoke has no scope in the spec; every team route declares one.
    expect(scopes).toEqual(ALL_ROUTES.map((r) => [r.path, (spec.routeForPath(r.path)!.route.attrs.scope as string | undefined) ?? null]));
  });

  it('takes a body exactly on routes whose argument is not Void', () => {
    const wrong = ALL_ROUTES.filter((r) => (r.schema === null) !== (spec.routeForPath(r.path)!.route.arg.name === 'Void')).map((r) => r.path);
    expect(wrong).toEqual([]);
  });

  it('parses every team route of team.stone', () => {
    const team = spec.namespaces.get('team')!;
    expect(team.routes.length).toBeGreaterThan(90);
    expect(spec.routeForPath('team/members/list/continue_v2')?.route).toMatchObject({ name: 'members/list/continue', version: 2 });
    expect(spec.routeForPath('team/members/list/continue')?.route).toMatchObject({ name: 'members/list/continue', version: 1 });
  });
});
