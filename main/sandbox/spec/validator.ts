import { PRIMITIVES, type Located, type Spec } from './spec.js';
import type { Field, Literal, StructDef, TypeRef, UnionDef } from './types.js';
import { timestampPattern } from './timestamp.js';

/** One broken rule at one place: `$.members[3].profile.account_id: length 22, want 40..40`. */
export interface Violation {
  path: string;
  rule: string;
}

export function formatViolation(v: Violation): string {
  return `${v.path}: ${v.rule}`;
}

type Check = (v: unknown, path: string, out: Violation[]) => void;
/** Struct checks also serve union tags whose fields sit beside `.tag`. */
type StructCheck = (v: unknown, path: string, out: Violation[], besideTag: boolean) => void;

export interface ValidatorOptions {
  /**
   * Lists longer than this are checked on a sample (both ends and evenly
   * spaced items between) to keep 1,000-member pages cheap. Default: all.
   */
  listSample?: number;
}

/**
 * Checks JSON values against the spec's data types as Dropbox's wire JSON
 * encodes them, for answers the sandbox sends: a union value is always the
 * object form and only declared tags are accepted (open unions included: an
 * emulator has no business sending a tag the spec does not know).
 */
export class Validators {
  private readonly structs = new Map<string, StructCheck>();
  private readonly unions = new Map<string, Check>();

  constructor(
    private readonly spec: Spec,
    private readonly options: ValidatorOptions = {},
  ) {}

  /** Violations of `value` against type `name` of namespace `ns` (empty when it conforms). */
  validate(ns: string, name: string, value: unknown, root = '$'): Violation[] {
    const out: Violation[] = [];
    this.ref({ name, args: [], kwargs: {}, nullable: false, line: 0 }, ns)(value, root, out);
    return out;
  }

  /** The check for a reference as written in namespace `ns`, null included when nullable. */
  ref(ref: TypeRef, ns: string): Check {
    const inner = this.nonNull(ref, ns);
    if (!this.isNullable(ref, ns)) return inner;
    return (v, path, out) => {
      if (v !== null) inner(v, path, out);
    };
  }

  private isNullable(ref: TypeRef, ns: string): boolean {
    if (ref.nullable) return true;
    const found = this.spec.lookup(ref, ns);
    return found?.def.kind === 'alias' ? this.isNullable(found.def.type, found.ns) : false;
  }

  /** The user type behind aliases, or undefined when the reference ends at a primitive. */
  private target(ref: TypeRef, ns: string): Located | undefined {
    const found = this.spec.lookup(ref, ns);
    if (found?.def.kind === 'alias') return this.target(found.def.type, found.ns);
    return found;
  }

  private nonNull(ref: TypeRef, ns: string): Check {
    if (PRIMITIVES.has(ref.name)) return this.primitive(ref, ns);
    const found = this.spec.lookup(ref, ns)!;
    const { def } = found;
    if (def.kind === 'alias') return this.nonNull(def.type, found.ns);
    if (def.kind === 'union') return this.union(found as Located<UnionDef>);
    const check = this.struct(found as Located<StructDef>);
    return (v, path, out) => check(v, path, out, false);
  }

  private primitive(ref: TypeRef, ns: string): Check {
    const k = ref.kwargs;
    switch (ref.name) {
      case 'String':
        return stringCheck(k);
      case 'Boolean':
        return (v, path, out) => {
          if (typeof v !== 'boolean') out.push({ path, rule: `${show(v)}, want Boolean` });
        };
      case 'Int32':
        return numberCheck('Int32', true, num(k.min_value, -(2 ** 31)), num(k.max_value, 2 ** 31 - 1));
      case 'UInt32':
        return numberCheck('UInt32', true, num(k.min_value, 0), num(k.max_value, 2 ** 32 - 1));
      case 'Int64':
        return numberCheck('Int64', true, num(k.min_value, Number.MIN_SAFE_INTEGER), num(k.max_value, Number.MAX_SAFE_INTEGER));
      case 'UInt64':
        return numberCheck('UInt64', true, num(k.min_value, 0), num(k.max_value, Number.MAX_SAFE_INTEGER));
      case 'Float32':
      case 'Float64':
        return numberCheck(ref.name, false, num(k.min_value, -Infinity), num(k.max_value, Infinity));
      case 'Timestamp':
        return timestampCheck(String(ref.args[0]));
      case 'Bytes':
        return (v, path, out) => {
          if (typeof v !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(v)) out.push({ path, rule: `${show(v)}, want base64 Bytes` });
        };
      case 'Void':
        return (v, path, out) => {
          if (v !== null && v !== undefined) out.push({ path, rule: `${show(v)}, want null (Void)` });
        };
      case 'List':
        return this.list(ref, ns);
      case 'Map':
        return this.map(ref, ns);
    }
    throw new Error(`unhandled primitive ${ref.name}`);
  }

  private list(ref: TypeRef, ns: string): Check {
    const item = this.ref(ref.args[0] as TypeRef, ns);
    const min = num(ref.kwargs.min_items, 0);
    const max = num(ref.kwargs.max_items, Infinity);
    const sample = this.options.listSample ?? Infinity;
    return (v, path, out) => {
      if (!Array.isArray(v)) return void out.push({ path, rule: `${show(v)}, want List` });
      if (v.length < min || v.length > max) out.push({ path, rule: `${v.length} items, want ${range(min, max)}` });
      if (v.length <= sample) {
        for (let i = 0; i < v.length; i++) item(v[i], `${path}[${i}]`, out);
        return;
      }
      const step = (v.length - 1) / (sample - 1);
      for (let s = 0; s < sample; s++) {
        const i = Math.round(s * step);
        item(v[i], `${path}[${i}]`, out);
      }
    };
  }

  private map(ref: TypeRef, ns: string): Check {
    const value = this.ref(ref.args[1] as TypeRef, ns);
    return (v, path, out) => {
      if (!isObject(v)) return void out.push({ path, rule: `${show(v)}, want Map` });
      for (const [key, val] of Object.entries(v as Record<string, unknown>)) value(val, `${path}.${key}`, out);
    };
  }

  private struct(found: Located<StructDef>): StructCheck {
    const key = `${found.ns}.${found.def.name}`;
    const cached = this.structs.get(key);
    if (cached) return cached;
    // Recursive types: register a forwarder before compiling the body.
    this.structs.set(key, (v, path, out, besideTag) => compiled(v, path, out, besideTag));
    const compiled = this.compileStruct(found);
    return compiled;
  }

  private compileStruct({ ns, def }: Located<StructDef>): StructCheck {
    const fields: Array<{ name: string; check: Check; required: boolean; nullable: boolean; want: string }> = [];
    for (const { field, ns: fieldNs } of this.allFields(ns, def)) {
      fields.push({
        name: field.name,
        check: this.nonNull(field.type, fieldNs),
        nullable: this.isNullable(field.type, fieldNs),
        required: field.default === undefined && !this.isNullable(field.type, fieldNs),
        want: describe(field.type),
      });
    }
    const known = new Set(fields.map((f) => f.name));
    const subtypes = def.subtypes?.tags.map((t) => ({ tag: t.tag, check: this.struct(this.target(t.type, ns) as Located<StructDef>) }));
    const label = `${ns}.${def.name}`;
    return (v, path, out, besideTag) => {
      if (!isObject(v)) return void out.push({ path, rule: `${show(v)}, want struct ${label}` });
      const o = v as Record<string, unknown>;
      // A struct with enumerated subtypes is sent as one of them, tagged.
      if (subtypes && !besideTag) {
        const tag = o['.tag'];
        const sub = subtypes.find((s) => s.tag === tag);
        if (sub) return sub.check(v, path, out, true);
        return void out.push({ path: `${path}..tag`, rule: `${show(tag)}, want one of ${subtypes.map((s) => s.tag).join('|')} (subtypes of ${label})` });
      }
      for (const f of fields) {
        const val = o[f.name];
        if (val === undefined) {
          if (f.required) out.push({ path: `${path}.${f.name}`, rule: `missing, required by ${label} (${f.want})` });
        } else if (val === null) {
          if (!f.nullable) out.push({ path: `${path}.${f.name}`, rule: `null, want ${f.want}` });
        } else f.check(val, `${path}.${f.name}`, out);
      }
      for (const k in o) {
        if (known.has(k) || o[k] === undefined || (besideTag && k === '.tag')) continue;
        out.push({ path: `${path}.${k}`, rule: `unknown field of ${label}` });
      }
    };
  }

  /** Own fields after the inherited ones, each with the namespace its type resolves in. */
  private allFields(ns: string, def: StructDef): Array<{ field: Field; ns: string }> {
    const parent = def.extends ? (this.target(def.extends, ns) as Located<StructDef>) : undefined;
    const inherited = parent ? this.allFields(parent.ns, parent.def) : [];
    return [...inherited, ...def.fields.map((field) => ({ field, ns }))];
  }

  private union(found: Located<UnionDef>): Check {
    const key = `${found.ns}.${found.def.name}`;
    const cached = this.unions.get(key);
    if (cached) return cached;
    this.unions.set(key, (v, path, out) => compiled(v, path, out));
    const compiled = this.compileUnion(found);
    return compiled;
  }

  private compileUnion({ ns, def }: Located<UnionDef>): Check {
    const label = `${ns}.${def.name}`;
    const tags = new Map<string, Check>();
    for (const { tag, ns: tagNs } of this.allTags(ns, def)) tags.set(tag.name, this.tagCheck(tag.name, tag.type, tagNs, label));
    const names = [...tags.keys()].join('|');
    return (v, path, out) => {
      if (!isObject(v)) return void out.push({ path, rule: `${show(v)}, want union ${label} as {".tag": …}` });
      const tag = (v as Record<string, unknown>)['.tag'];
      const check = typeof tag === 'string' ? tags.get(tag) : undefined;
      if (!check) return void out.push({ path: `${path}..tag`, rule: `${show(tag)}, want one of ${names} (${label})` });
      check(v, path, out);
    };
  }

  private tagCheck(tag: string, type: TypeRef | undefined, ns: string, label: string): Check {
    const onlyTag: Check = (v, path, out) => {
      for (const k in v as object) if (k !== '.tag') out.push({ path: `${path}.${k}`, rule: `unknown field beside void tag ${tag} of ${label}` });
    };
    if (!type || type.name === 'Void') return onlyTag;
    const target = this.target(type, ns);
    const nullable = this.isNullable(type, ns);
    if (target?.def.kind === 'struct') {
      const check = this.struct(target as Located<StructDef>);
      // A struct value is flattened beside the tag; a nullable one may be left out.
      return (v, path, out) => {
        if (nullable && Object.keys(v as object).length === 1) return;
        check(v, path, out, true);
      };
    }
    const value = this.nonNull(type, ns);
    const want = describe(type);
    return (v, path, out) => {
      const o = v as Record<string, unknown>;
      const val = o[tag];
      if (val === undefined || val === null) {
        if (!nullable) out.push({ path: `${path}.${tag}`, rule: `${val === null ? 'null' : 'missing'}, want ${want} for tag ${tag} of ${label}` });
      } else value(val, `${path}.${tag}`, out);
      for (const k in o) if (k !== '.tag' && k !== tag) out.push({ path: `${path}.${k}`, rule: `unknown field beside tag ${tag} of ${label}` });
    };
  }

  private allTags(ns: string, def: UnionDef): Array<{ tag: UnionDef['tags'][number]; ns: string }> {
    const parent = def.extends ? (this.target(def.extends, ns) as Located<UnionDef>) : undefined;
    const inherited = parent ? this.allTags(parent.ns, parent.def) : [];
    return [...inherited, ...def.tags.map((tag) => ({ tag, ns }))];
  }
}

function stringCheck(k: Record<string, Literal>): Check {
  const min = num(k.min_length, 0);
  const max = num(k.max_length, Infinity);
  const bounded = min > 0 || max < Infinity;
  // Stone patterns must match the whole string (Python's re.match with \Z).
  const pattern = typeof k.pattern === 'string' ? new RegExp(`^(?:${k.pattern})$`) : undefined;
  return (v, path, out) => {
    if (typeof v !== 'string') return void out.push({ path, rule: `${show(v)}, want String` });
    if (bounded) {
      const n = codePoints(v);
      if (n < min || n > max) out.push({ path, rule: `length ${n}, want ${range(min, max)}` });
    }
    if (pattern && !pattern.test(v)) out.push({ path, rule: `${show(v)} does not match pattern ${k.pattern}` });
  };
}

/** Stone lengths count characters, not UTF-16 units. */
function codePoints(s: string): number {
  return /[\uD800-\uDBFF]/.test(s) ? [...s].length : s.length;
}

function numberCheck(name: string, integer: boolean, min: number, max: number): Check {
  return (v, path, out) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) return void out.push({ path, rule: `${show(v)}, want ${name}` });
    if (v < min || v > max) out.push({ path, rule: `${v}, want ${name} in ${range(min, max)}` });
  };
}

function timestampCheck(format: string): Check {
  const re = timestampPattern(format);
  return (v, path, out) => {
    if (typeof v !== 'string' || !re.test(v)) out.push({ path, rule: `${show(v)}, want Timestamp "${format}"` });
  };
}

function num(l: Literal | undefined, fallback: number): number {
  return typeof l === 'number' ? l : fallback;
}

function range(min: number, max: number): string {
  return `${min === -Infinity ? '' : min}..${max === Infinity ? '' : max}`;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short picture of a wrong value for the message. */
function show(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The type as written in the spec, for messages. */
export function describe(ref: TypeRef): string {
  const args = [...ref.args.map((a) => (typeof a === 'object' && a && 'name' in a ? describe(a) : JSON.stringify(a))), ...Object.entries(ref.kwargs).map(([k, v]) => `${k}=${JSON.stringify(v)}`)];
  return `${ref.name}${args.length ? `(${args.join(', ')})` : ''}${ref.nullable ? '?' : ''}`;
}
