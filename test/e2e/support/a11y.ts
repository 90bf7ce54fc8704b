import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './find-chromium.js';
import { e2eSetting } from './e2e-env.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type Theme = 'light' | 'dark';

/**
 * A 1280 x 800 window at `zoom` (1 = 100 %, 4 = 400 %).
 *
 * Browser zoom makes one CSS pixel `zoom` device pixels wide, so the layout
 * viewport (what media queries and reflow see) is 1280/zoom x 800/zoom CSS
 * px. That is set here directly; deviceScaleFactor = zoom only makes the
 * screenshots look like the zoomed window (it changes raster resolution, not
 * layout — on its own it is not zoom). Playwright has no browser-zoom call,
 * and CDP's page scale factor is pinch-zoom, which does not reflow.
 * `theme` emulates prefers-color-scheme.
 */
export async function openZoomed(zoom: number, theme: Theme = 'light', browser?: Browser): Promise<{ browser: Browser; page: Page; close(): Promise<void> }> {
  const b = browser ?? (await chromium.launch({ executablePath: e2eSetting('chromium'), headless: true, args: CHROMIUM_ARGS }));
  const context = await b.newContext({
    viewport: { width: Math.round(1280 / zoom), height: Math.round(800 / zoom) },
    deviceScaleFactor: zoom,
    colorScheme: theme,
    locale: 'en-US',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  return { browser: b, page, close: () => (browser ? context.close() : b.close()) };
}

export interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

/** axe-core over the whole page as it is now (every rule axe runs by default, best practices included). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol, not as a <script>: the app's CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

export interface BorderContrast {
  control: string;
  ratio: number;
}

/**
 * For every visible input, select, button and fieldset: the contrast of what
 * marks its boundary (its border, or its fill when that differs from what is
 * behind it) against the background around it, computed in the page from the
 * styles in effect. Native check boxes and radio buttons are drawn by the
 * browser (and follow color-scheme), so they are left out.
 */
export async function controlBoundaryContrasts(page: Page): Promise<BorderContrast[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The first opaque background at or above `el` (the page's own when none). */
    const backdrop = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] >= 0.99) return c;
      }
      return [255, 255, 255];
    };
    const label = (el: Element) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const controls = [...document.querySelectorAll('input, select, button, fieldset')].filter((el) => {
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio' || el.type === 'hidden')) return false;
      // Text-only buttons (sort headers, the link-styled one) have no boundary to measure; their text carries 4.5:1.
      if (el.matches('.sort-button, .button--link')) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
    return controls.map((el) => {
      const style = getComputedStyle(el);
      const around = backdrop(el.parentElement);
      const border = parse(style.borderTopColor);
      const fill = parse(style.backgroundColor);
      const byBorder = border && parseFloat(style.borderTopWidth) > 0 && border[3] >= 0.99 ? ratio(border, around) : 0;
      const byFill = fill && fill[3] >= 0.99 ? ratio(fill, around) : 0;
      return { control: label(el), ratio: Math.round(Math.max(byBorder, byFill) * 100) / 100 };
    });
  });
}

/**
 * Starts recording what live regions say: every time the text of an element
 * with role status/alert/log or aria-live (other than "off") changes to
 * something non-empty, that text is one announcement.
 */
export async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __announced: string[]; __announcer?: MutationObserver };
    w.__announced = [];
    const live = (el: Element | null): Element | null => el?.closest('[role="status"], [role="alert"], [role="log"], [aria-live]:not([aria-live="off"])') ?? null;
    const last = new WeakMap<Element, string>();
    w.__announcer = new MutationObserver((records) => {
      const touched = new Set<Element>();
      for (const r of records) {
        const target = r.target instanceof Element ? r.target : r.target.parentElement;
        const region = live(target);
        if (region) touched.add(region);
      }
      for (const region of touched) {
        const text = (region.textContent ?? '').trim();
        if (text && text !== last.get(region)) w.__announced.push(text);
        last.set(region, text);
      }
    });
    w.__announcer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __announced: string[]; __announcer?: MutationObserver };
      w.__announcer?.disconnect();
      return w.__announced;
    });
}

/** What has keyboard focus, as a screen reader would name it ("button: Refresh"). */
export function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    const name = el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '');
    return `${role}: ${name.trim().replace(/\s+/g, ' ')}`;
  });
}
