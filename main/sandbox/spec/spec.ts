import { parseStone } from './parser.js';
import type { Namespace, RouteDecl, TypeRef, UserType } from './types.js';

/** Built-in Stone types; every other name is a user type of some namespace. */
export const PRIMITIVES = new Set(['String', 'Boolean', 'Int32', 'Int64', 'UInt32', 'UInt64', 'Float32', 'Float64', 'Timestamp', 'Bytes', 'Void', 'List', 'Map']);

/** A user type together with the namespace its own references resolve in. */
export interface Located<T extends UserType = UserType> {
  ns: string;
  def: T;
}

/** A set of parsed Stone namespaces with cross-namespace name resolution. */
export class Spec {
  readonly namespaces = new Map<string, Namespace>();

  constructor(sources: Array<{ file: string; text: string }>) {
    for (const { file, text } of sources) {
      const ns = parseStone(text, file);
      if (this.namespaces.has(ns.name)) throw new Error(`namespace ${ns.name} declared twice`);
      this.namespaces.set(ns.name, ns);
    }
  }

  /** The user type a reference names, seen from namespace `from`; undefined for primitives. */
  lookup(ref: Pick<TypeRef, 'name'>, from: string): Located | undefined {
    if (PRIMITIVES.has(ref.name)) return undefined;
    const dot = ref.name.indexOf('.');
    const ns = dot < 0 ? from : ref.name.slice(0, dot);
    const name = dot < 0 ? ref.name : ref.name.slice(dot + 1);
    const def = this.namespaces.get(ns)?.types.get(name);
    if (!def) throw new Error(`unknown type ${ns}.${name}`);
    return { ns, def };
  }

  type(ns: string, name: string): Located {
    return this.lookup({ name: `${ns}.${name}` }, ns)!;
  }

  /**
   * The route behind a sandbox URL path: "team/members/list/continue_v2" is
   * route members/list/continue, version 2, of namespace team.
   */
  routeForPath(path: string): { ns: string; route: RouteDecl } | undefined {
    const slash = path.indexOf('/');
    if (slash < 0) return undefined;
    const ns = this.namespaces.get(path.slice(0, slash));
    if (!ns) return undefined;
    const m = /^(.*?)(?:_v(\d+))?$/.exec(path.slice(slash + 1))!;
    const version = m[2] ? Number(m[2]) : 1;
    const route = ns.routes.find((r) => r.name === m[1] && r.version === version);
    return route ? { ns: ns.name, route } : undefined;
  }
}
