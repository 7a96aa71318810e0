import type { Page } from 'playwright-core';
import { TEST_ADMIN } from './test-security.js';

/** Logs the page in through the login dialog (as TEST_ADMIN by default), as a user would. */
export async function logInPage(page: Page, user: { readonly name: string; readonly password: string } = TEST_ADMIN): Promise<void> {
  await page.getByTestId('login-open').click();
  await page.getByTestId('login-name').fill(user.name);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.locator(`[data-testid="current-user"][data-user="${user.name}"]`).waitFor();
}
