/**
 * Combines per-capability method maps into one, refusing a name two of them
 * define: a later spread would silently replace the earlier method (Actual
 * Budget's server combines its handler groups the same way).
 */
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export function mergeUnique<T extends readonly object[]>(what: string, ...groups: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = Object.create(null);
  for (const group of groups) {
    for (const [name, value] of Object.entries(group)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Two ${what} define the method ${name}`);
      merged[name] = value;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
