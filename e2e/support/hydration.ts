import { expect, type Locator } from '@playwright/test';

/**
 * Waits until React has hydrated the element. Before that its handlers are not attached: a press is lost, and a
 * fill can be cut in two when hydration moves the caret between selecting the old text and typing the new
 * (a textarea once ended as "new text" + "old text"). React marks each hydrated element with its fiber.
 */
export async function untilHydrated(element: Locator): Promise<void> {
  await expect.poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactFiber'))), { timeout: 15_000 }).toBe(true);
}
