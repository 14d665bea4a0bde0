import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * What a second look at the same page needs to check: in the other colour
 * scheme only the colours changed, and at phone width only the layout did.
 * axe takes seconds a page on CI's two cores, so the second look runs the
 * rules that such a change can break, not all of them again.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
export const LAYOUT_RULES = [...COLOUR_RULES, 'scrollable-region-focusable', 'nested-interactive'];

/** The minified axe (less than half the unminified source the builder would inject on every page). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's serious and critical findings on the page (or within `selector`; only `rules` when given), one line each, labelled with `where`. */
export async function seriousViolations(page: Page, where: string, options: { selector?: string; rules?: string[] } = {}): Promise<string[]> {
  // Legacy mode runs axe in the page itself (our pages have no frames), and reporting violations
  // alone skips building selectors for every passing node: together several times faster.
  let builder = new AxeBuilder({ page, axeSource: AXE_SOURCE }).setLegacyMode().options({ resultTypes: ['violations'] });
  if (options.selector) builder = builder.include(options.selector);
  if (options.rules) builder = builder.withRules(options.rules);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Each page loaded once at the window's current (phone) width and looked at in both colour schemes:
 * axe's layout rules in the light one, its colour rules in the dark one (the dark scheme is CSS alone,
 * app/globals.css), and whether the page scrolls sideways in either.
 */
export async function phoneWidthFindings(page: Page, url: (path: string) => string, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  const width = page.viewportSize()?.width;
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url(path));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      found.push(...(await seriousViolations(page, `${path} @${width} (${scheme})`, { rules: scheme === 'light' ? LAYOUT_RULES : COLOUR_RULES })));
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (scroll > inner) found.push(`${path} (${scheme}): ${scroll}px in ${inner}px`);
    }
  }
  return found;
}
