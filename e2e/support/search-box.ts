import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the search box with Ctrl+K and answers its input. Keys pressed before the page has hydrated reach no listener yet, so it presses until one does. */
export async function openSearchBox(page: Page): Promise<Locator> {
  const box = page.getByRole('combobox', { name: 'Search people, teams and pages' });
  await expect(async () => {
    await page.keyboard.press('Control+k');
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  return box;
}
