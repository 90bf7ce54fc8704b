/**
 * The consent page's address comes from main, but the renderer still opens
 * only web pages with it: never a javascript:, file: or custom-scheme URL.
 */
export function webUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Browser mode: main cannot open the system browser, so the page opens in a new tab, without a handle back to the app. */
export function openConsentPage(url: string): void {
  const href = webUrl(url);
  if (href) window.open(href, '_blank', 'noopener');
}
