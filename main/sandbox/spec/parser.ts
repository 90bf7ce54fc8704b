import { readLines, StoneSyntaxError, type Line, type Token } from './lines.js';
import type { AliasDef, Field, Literal, Namespace, RouteDecl, StructDef, TypeRef, UnionDef, UserType } from './types.js';

/**
 * Parses one Stone file into the types and routes it declares. Docs,
 * examples, annotations and annotation types are skipped; anything else the
 * parser does not understand is an error with its line, so a spec update that
 * brings new syntax fails loudly instead of checking less.
 */
export function parseStone(source: string, file = 'spec.stone'): Namespace {
  const ns: Namespace = { name: '', imports: [], types: new Map(), routes: [] };
  for (const line of readLines(source, file)) {
    const c = new Cursor(line, file);
    const head = c.name();
    switch (head) {
      case 'namespace':
        ns.name = c.name();
        break;
      case 'import':
        ns.imports.push(c.name());
        break;
      case 'alias':
        add(ns, parseAlias(c), c);
        break;
      case 'struct':
        add(ns, parseStruct(c, line, file), c);
        break;
      case 'union':
      case 'union_closed':
        add(ns, parseUnion(c, line, file, head === 'union_closed'), c);
        break;
      case 'route':
        ns.routes.push(parseRoute(c, line, file));
        break;
      case 'annotation':
      case 'annotation_type':
        continue;
      default:
        throw c.fail(`unexpected "${head}"`);
    }
    c.end();
  }
  if (!ns.name) throw new StoneSyntaxError(`${file}: no namespace declaration`);
  return ns;
}

function add(ns: Namespace, t: UserType, c: Cursor): void {
  if (ns.types.has(t.name)) throw c.fail(`duplicate type ${t.name}`);
  ns.types.set(t.name, t);
}

/** Lines inside a definition that carry no shape: docs, examples, annotations. */
function isNoise(line: Line): boolean {
  const [first] = line.tokens;
  if (first.kind === 'string' && line.tokens.length === 1) return true;
  if (first.kind === 'punct' && first.text === '@') return true;
  return first.kind === 'name' && first.text === 'example';
}

function body(line: Line): Line[] {
  return line.children.filter((l) => !isNoise(l));
}

function parseAlias(c: Cursor): AliasDef {
  const name = c.name();
  c.punct('=');
  return { kind: 'alias', name, type: c.typeRef() };
}

function parseExtends(c: Cursor): TypeRef | undefined {
  if (!c.peekName('extends')) return undefined;
  c.name();
  return c.typeRef();
}

function parseStruct(c: Cursor, line: Line, file: string): StructDef {
  const def: StructDef = { kind: 'struct', name: c.name(), extends: parseExtends(c), fields: [] };
  for (const child of body(line)) {
    const f = new Cursor(child, file);
    const name = f.name();
    if ((name === 'union' || name === 'union_closed') && f.atEnd()) {
      def.subtypes = { closed: name === 'union_closed', tags: body(child).map((s) => subtypeTag(new Cursor(s, file))) };
      continue;
    }
    const field: Field = { name, type: f.typeRef() };
    if (f.peekPunct('=')) {
      f.punct('=');
      field.default = f.literal();
    }
    f.end();
    def.fields.push(field);
  }
  return def;
}

function subtypeTag(c: Cursor): { tag: string; type: TypeRef } {
  const tag = c.name();
  const type = c.typeRef();
  c.end();
  return { tag, type };
}

function parseUnion(c: Cursor, line: Line, file: string, closed: boolean): UnionDef {
  const def: UnionDef = { kind: 'union', name: c.name(), closed, extends: parseExtends(c), tags: [] };
  for (const child of body(line)) {
    const t = new Cursor(child, file);
    const name = t.name();
    // `other*` marks a catch-all tag in old specs; it is still a declared void tag.
    if (t.peekPunct('*')) t.punct('*');
    def.tags.push(t.atEnd() ? { name } : { name, type: t.typeRef() });
    // A tag's default only matters to code generators (`id_not_found String = ""`).
    if (t.peekPunct('=')) {
      t.punct('=');
      t.literal();
    }
    t.end();
  }
  return def;
}

function parseRoute(c: Cursor, line: Line, file: string): RouteDecl {
  const full = c.name();
  const m = /^(.+?)(?::(\d+))?$/.exec(full)!;
  c.punct('(');
  const arg = c.typeRef();
  c.punct(',');
  const result = c.typeRef();
  c.punct(',');
  const error = c.typeRef();
  c.punct(')');
  let deprecated = false;
  if (c.peekName('deprecated')) {
    c.name();
    deprecated = true;
    if (c.peekName('by')) {
      c.name();
      c.name();
    }
  }
  const attrs: Record<string, Literal> = {};
  for (const child of body(line)) {
    const a = new Cursor(child, file);
    if (a.name() !== 'attrs') throw a.fail('expected attrs');
    a.end();
    for (const kv of body(child)) {
      const k = new Cursor(kv, file);
      const key = k.name();
      k.punct('=');
      attrs[key] = k.literal();
      k.end();
    }
  }
  return { name: m[1], version: m[2] ? Number(m[2]) : 1, arg, result, error, deprecated, attrs };
}

/** Reads the tokens of one logical line left to right. */
class Cursor {
  private i = 0;
  private readonly tokens: Token[];

  constructor(
    private readonly line: Line,
    private readonly file: string,
  ) {
    this.tokens = line.tokens;
  }

  fail(msg: string): StoneSyntaxError {
    return new StoneSyntaxError(`${this.file}:${this.line.line}: ${msg}`);
  }

  atEnd(): boolean {
    // A doc string may follow a declaration on the same line.
    return this.i >= this.tokens.length || (this.i === this.tokens.length - 1 && this.tokens[this.i].kind === 'string');
  }

  end(): void {
    if (!this.atEnd()) throw this.fail(`unexpected "${this.tokens[this.i].text}"`);
  }

  peekName(text: string): boolean {
    const t = this.tokens[this.i];
    return t?.kind === 'name' && t.text === text;
  }

  peekPunct(text: string): boolean {
    const t = this.tokens[this.i];
    return t?.kind === 'punct' && t.text === text;
  }

  name(): string {
    const t = this.tokens[this.i];
    if (t?.kind !== 'name') throw this.fail(`expected a name, got ${t ? `"${t.text}"` : 'end of line'}`);
    this.i++;
    return t.text;
  }

  punct(text: string): void {
    if (!this.peekPunct(text)) throw this.fail(`expected "${text}"`);
    this.i++;
  }

  literal(): Literal {
    const t = this.tokens[this.i++];
    if (!t) throw this.fail('expected a value');
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'name') {
      if (t.text === 'true') return true;
      if (t.text === 'false') return false;
      if (t.text === 'null') return null;
      // A bare name as a default is a void union tag (`role AdminTier = member_only`).
      return { tag: t.text };
    }
    throw this.fail(`unexpected "${t.text}"`);
  }

  typeRef(): TypeRef {
    const line = this.line.line;
    const ref: TypeRef = { name: this.name(), args: [], kwargs: {}, nullable: false, line };
    if (this.peekPunct('(')) {
      this.punct('(');
      while (!this.peekPunct(')')) {
        const t = this.tokens[this.i];
        const next = this.tokens[this.i + 1];
        if (t?.kind === 'name' && next?.kind === 'punct' && next.text === '=') {
          this.i += 2;
          ref.kwargs[t.text] = this.literal();
        } else if (t?.kind === 'name' && !['true', 'false', 'null'].includes(t.text)) {
          ref.args.push(this.typeRef());
        } else {
          ref.args.push(this.literal());
        }
        if (this.peekPunct(',')) this.punct(',');
        else if (!this.peekPunct(')')) throw this.fail('expected "," or ")"');
      }
      this.punct(')');
    }
    if (this.peekPunct('?')) {
      this.punct('?');
      ref.nullable = true;
    }
    return ref;
  }
}
