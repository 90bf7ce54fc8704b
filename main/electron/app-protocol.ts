import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { protocol } from 'electron';
import { RENDERER_CSP, SECURITY_HEADERS } from '../renderer-files/csp.js';
import { CONTENT_TYPES, resolveStaticPath } from '../renderer-files/static-files.js';
import { APP_HOST, APP_SCHEME } from './trusted-url.js';

/** Must run before `ready`: app:// behaves like https (secure, standard origin) for the renderer. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/**
 * Serves out/renderer under app://teamkeeper/ with the same CSP and headers
 * as the browser host, instead of file:// (which would make every local file
 * the page's origin).
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.hostname === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : undefined;
    const type = file ? CONTENT_TYPES[extname(file).toLowerCase()] : undefined;
    const body = file && type ? await readFile(file).catch(() => undefined) : undefined;
    if (!body || !type) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(body), {
      headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Security-Policy': RENDERER_CSP },
    });
  });
}
