import { z } from 'zod';
import { PRIMITIVES, type Located, type Spec } from './spec.js';
import type { Literal, StructDef, TypeRef, UnionDef } from './types.js';
import { timestampPattern } from './timestamp.js';
import { dropboxSpec } from './dropbox-spec.js';

/**
 * Zod schemas for route arguments derived from the spec, decoding the way
 * Dropbox's servers do: structs are strict (unknown field → 400), fields
 * with a default may be left out and get it, nullable fields may be left
 * out or null (both arrive as undefined), a void union tag may be the bare
 * string "x" or {".tag": "x"} (normalised to the object), unknown tags are
 * refused. The caller names the result type, normally the SDK's own
 * (`argSchema<team.MembersGetInfoV2Arg>('team', 'MembersGetInfoV2Arg')`).
 * Built on first use, so importing a route does not parse the spec at start-up.
 */
export function argSchema<T>(ns: string, name: string, spec?: Spec): z.ZodType<T> {
  let built: z.ZodType | undefined;
  const build = () => (built ??= new ArgSchemas(spec ?? dropboxSpec()).ref({ name, args: [], kwargs: {}, nullable: false, line: 0 }, ns));
  return z.lazy(build) as unknown as z.ZodType<T>;
}

class ArgSchemas {
  constructor(private readonly spec: Spec) {}

  ref(ref: TypeRef, ns: string): z.ZodType {
    if (PRIMITIVES.has(ref.name)) return this.primitive(ref, ns);
    const found = this.spec.lookup(ref, ns)!;
    const { def } = found;
    if (def.kind === 'alias') return this.ref(def.type, found.ns);
    if (def.kind === 'union') return this.union(found as Located<UnionDef>);
    return z.strictObject(this.structShape(found as Located<StructDef>));
  }

  private nullable(ref: TypeRef, ns: string): boolean {
    if (ref.nullable) return true;
    const found = this.spec.lookup(ref, ns);
    return found?.def.kind === 'alias' ? this.nullable(found.def.type, found.ns) : false;
  }

  private structShape({ ns, def }: Located<StructDef>): Record<string, z.ZodType> {
    if (def.subtypes) throw new Error(`${ns}.${def.name}: structs with subtypes are not supported as arguments`);
    const parent = def.extends ? (this.located(def.extends, ns) as Located<StructDef>) : undefined;
    const shape: Record<string, z.ZodType> = parent ? this.structShape(parent) : {};
    for (const f of def.fields) {
      const value = this.ref(f.type, ns);
      if (f.default !== undefined) shape[f.name] = value.default(wireDefault(f.default));
      else if (this.nullable(f.type, ns)) shape[f.name] = value.nullish().transform((v) => v ?? undefined);
      else shape[f.name] = value;
    }
    return shape;
  }

  /** The user type behind aliases; undefined when they end at a primitive. */
  private located(ref: TypeRef, ns: string): Located | undefined {
    const found = this.spec.lookup(ref, ns);
    return found?.def.kind === 'alias' ? this.located(found.def.type, found.ns) : found;
  }

  private union({ ns, def }: Located<UnionDef>): z.ZodType {
    const options: z.ZodObject[] = [];
    const voidTags = new Set<string>();
    const collect = (u: UnionDef, uNs: string) => {
      if (u.extends) {
        const parent = this.located(u.extends, uNs) as Located<UnionDef>;
        collect(parent.def, parent.ns);
      }
      for (const tag of u.tags) {
        const literal = { '.tag': z.literal(tag.name) };
        if (!tag.type || tag.type.name === 'Void') {
          voidTags.add(tag.name);
          options.push(z.strictObject(literal));
          continue;
        }
        const target = this.located(tag.type, uNs);
        if (target?.def.kind === 'struct') options.push(z.strictObject({ ...literal, ...this.structShape(target as Located<StructDef>) }));
        else {
          const value = this.ref(tag.type, uNs);
          options.push(z.strictObject({ ...literal, [tag.name]: this.nullable(tag.type, uNs) ? value.optional() : value }));
        }
      }
    };
    collect(def, ns);
    const tagged = z.discriminatedUnion('.tag', options as [z.ZodObject, ...z.ZodObject[]]);
    return z.preprocess((v) => (typeof v === 'string' && voidTags.has(v) ? { '.tag': v } : v), tagged);
  }

  private primitive(ref: TypeRef, ns: string): z.ZodType {
    const k = ref.kwargs;
    const n = (l: Literal | undefined) => (typeof l === 'number' ? l : undefined);
    switch (ref.name) {
      case 'String':
        return stringSchema(n(k.min_length), n(k.max_length), typeof k.pattern === 'string' ? k.pattern : undefined);
      case 'Boolean':
        return z.boolean();
      case 'Int32':
        return intSchema(n(k.min_value) ?? -(2 ** 31), n(k.max_value) ?? 2 ** 31 - 1);
      case 'UInt32':
        return intSchema(n(k.min_value) ?? 0, n(k.max_value) ?? 2 ** 32 - 1);
      case 'Int64':
        return intSchema(n(k.min_value) ?? Number.MIN_SAFE_INTEGER, n(k.max_value) ?? Number.MAX_SAFE_INTEGER);
      case 'UInt64':
        return intSchema(n(k.min_value) ?? 0, n(k.max_value) ?? Number.MAX_SAFE_INTEGER);
      case 'Float32':
      case 'Float64':
        return z.number();
      case 'Timestamp':
        return z.string().regex(timestampPattern(String(ref.args[0])), `not a timestamp in the format ${String(ref.args[0])}`);
      case 'Bytes':
        return z.base64();
      case 'List': {
        let list = z.array(this.ref(ref.args[0] as TypeRef, ns));
        if (n(k.min_items) !== undefined) list = list.min(n(k.min_items)!);
        if (n(k.max_items) !== undefined) list = list.max(n(k.max_items)!);
        return list;
      }
      case 'Map':
        return z.record(z.string(), this.ref(ref.args[1] as TypeRef, ns));
    }
    throw new Error(`${ref.name} is not an argument type`);
  }
}

function intSchema(min: number, max: number): z.ZodType {
  return z.number().int().min(min).max(max);
}

/** Lengths in characters, as Stone counts them (zod counts UTF-16 units). */
function stringSchema(min: number | undefined, max: number | undefined, pattern: string | undefined): z.ZodType {
  let s: z.ZodType<string> = z.string();
  if (min !== undefined || max !== undefined) {
    s = s.refine(
      (v) => {
        const len = [...v].length;
        return len >= (min ?? 0) && len <= (max ?? Infinity);
      },
      { message: `length must be within ${min ?? 0}..${max ?? ''}` },
    );
  }
  if (pattern !== undefined) {
    const re = new RegExp(`^(?:${pattern})$`);
    s = s.refine((v) => re.test(v), { message: `does not match pattern ${pattern}` });
  }
  return s;
}

/** A default as the handler sees it on the wire: a bare tag name is a void union value. */
function wireDefault(l: Literal): unknown {
  return typeof l === 'object' && l !== null ? { '.tag': l.tag } : l;
}
