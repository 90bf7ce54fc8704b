/**
 * The pieces every contract slice is built from: a slice is a map from method
 * name to the zod schema of its argument, plus the result type of each
 * method. The TypeScript signatures are derived from those two, so a schema
 * and its type cannot drift apart in either direction.
 */
import { z } from 'zod';

/** Methods without an argument accept only null (what the transports send) or nothing. */
export const noArg = z.null().optional().transform(() => undefined);

/** Dropbox ids are short; a generous cap keeps hostile payloads small. */
export const id = z.string().min(1).max(256);

export type ArgSchemas = Record<string, z.ZodType>;

/** One method's signature: no parameter when its schema takes no argument. */
export type MethodOf<S extends z.ZodType, R> = undefined extends z.output<S> ? () => Promise<R> : (arg: z.output<S>) => Promise<R>;

/** A slice's Api: every method of the schema map, with the result its slice declares. */
export type ApiOf<S extends ArgSchemas, R extends { [M in keyof S]: unknown }> = { [M in keyof S]: MethodOf<S[M], R[M]> };
