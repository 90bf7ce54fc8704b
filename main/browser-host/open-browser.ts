import { spawn } from 'node:child_process';

/** Opens `url` in the system browser. Failing (no desktop, no xdg-open) is not an error: the URL is printed. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // spawn can throw synchronously on some platforms; the printed URL still works.
  }
}
