import type { z } from 'zod';

/** Where an error that belongs to no single field (a rule across fields) is kept. */
export const FORM_ERROR = '_form';

/**
 * A parameter schema's issues as one sentence per form field (the first
 * issue of each), keyed by the parameter's name; the forms name their fields
 * after the parameters, so each message lands under its field.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : FORM_ERROR;
    out[key] ??= issue.message;
  }
  return out;
}
