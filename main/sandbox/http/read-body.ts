import type { IncomingMessage } from 'node:http';
import { BadRequest } from './errors.js';

const MAX_BODY = 8 * 1024 * 1024;

/** Reads the whole body as UTF-8, refusing absurd sizes instead of buffering them. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
