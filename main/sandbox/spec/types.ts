/**
 * The parts of a Stone namespace the sandbox checks answers against
 * (docs, examples and annotations are dropped by the parser).
 */

/** A literal as Stone writes it: in a default, an attribute or a type argument. */
export type Literal = string | number | boolean | null | { tag: string };

/** A reference to a type, e.g. `List(team_common.GroupId, max_items=1)?`. */
export interface TypeRef {
  /** Namespace-qualified when written so ("team_common.GroupId"), else bare. */
  name: string;
  /** Positional arguments: types for List/Map, literals for Timestamp. */
  args: Array<TypeRef | Literal>;
  /** Keyword arguments: min_length, pattern, max_items, … */
  kwargs: Record<string, Literal>;
  nullable: boolean;
  line: number;
}

export interface Field {
  name: string;
  type: TypeRef;
  /** Present when the field has a default (so the wire may omit it). */
  default?: Literal;
}

export interface StructDef {
  kind: 'struct';
  name: string;
  extends?: TypeRef;
  fields: Field[];
  /** Enumerated subtypes (`union` inside a struct): tag → subtype. */
  subtypes?: { closed: boolean; tags: Array<{ tag: string; type: TypeRef }> };
}

export interface UnionTag {
  name: string;
  /** Undefined for a void tag. */
  type?: TypeRef;
}

export interface UnionDef {
  kind: 'union';
  name: string;
  closed: boolean;
  extends?: TypeRef;
  tags: UnionTag[];
}

export interface AliasDef {
  kind: 'alias';
  name: string;
  type: TypeRef;
}

export type UserType = StructDef | UnionDef | AliasDef;

export interface RouteDecl {
  name: string;
  version: number;
  arg: TypeRef;
  result: TypeRef;
  error: TypeRef;
  deprecated: boolean;
  attrs: Record<string, Literal>;
}

export interface Namespace {
  name: string;
  imports: string[];
  types: Map<string, UserType>;
  routes: RouteDecl[];
}
