import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * What a second look at the same page needs to check: in the other colour
 * scheme only the colours changed, and at phone width only the layout did.
 * axe takes seconds a page on CI's two cores, so the second look runs the
 * rules that such a change can break, not all of them again.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
export const LAYOUT_RULES = [...COLOUR_RULES, 'scrollable-region-focusable', 'meta-viewport', 'nested-interactive'];

/** axe's serious and critical findings on the page (or within `selector`; only `rules` when given), one line each, labelled with `where`. */
export async function seriousViolations(page: Page, where: string, options: { selector?: string; rules?: string[] } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (options.selector) builder = builder.include(options.selector);
  if (options.rules) builder = builder.withRules(options.rules);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
