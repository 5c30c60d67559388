// The header's notification bell on a phone: opened from the keyboard, its list lies wholly on
// the 390 px screen (the header wraps there, so the bell can sit at its left edge) and passes the
// accessibility check; on a desk it still hangs right-aligned under the bell. Escape closes it.
import type { Page } from 'playwright-core';
import { PHONE, useConsole } from './consoleHarness';

const { signedIn, shot, accessible, pageErrors } = useConsole();

/** Opens the bell from the keyboard and answers the list's box and the bell's. */
async function openBell(page: Page) {
  const bell = page.locator('[data-testid="notification-bell"]');
  await bell.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('dialog', { name: '通知' });
  await list.waitFor();
  expect(await bell.getAttribute('aria-expanded')).toBe('true');
  return { listBox: (await list.boundingBox())!, bellBox: (await bell.boundingBox())! };
}

test('on a 390 px phone the bell’s list is wholly on screen and accessible; on a desk it hangs right-aligned under the bell and Escape closes it', async () => {
  const phone = await signedIn('lujiang-officer', PHONE);
  const { listBox, bellBox: phoneBell } = await openBell(phone);
  expect(listBox.y).toBeGreaterThanOrEqual(phoneBell.y + phoneBell.height - 1);
  expect(listBox.x).toBeGreaterThanOrEqual(0);
  expect(listBox.x + listBox.width).toBeLessThanOrEqual(PHONE.width);
  await shot(phone, 'notifications-phone');
  await accessible(phone, 'notifications on a phone');
  await phone.context().close();

  const desk = await signedIn('lujiang-officer');
  const { listBox: deskList, bellBox } = await openBell(desk);
  expect(Math.abs(deskList.x + deskList.width - (bellBox.x + bellBox.width))).toBeLessThanOrEqual(1);
  expect(deskList.y).toBeGreaterThanOrEqual(bellBox.y + bellBox.height - 1);
  await accessible(desk, 'notifications on a desk');

  // Escape closes the list wherever the focus went (a click in the list leaves it on the page)
  // and gives the bell back its focus.
  await desk.getByRole('dialog', { name: '通知' }).click({ position: { x: 5, y: 5 } });
  const focused = () => desk.evaluate('document.activeElement?.getAttribute("data-testid") ?? null');
  expect(await focused()).not.toBe('notification-bell');
  await desk.keyboard.press('Escape');
  await desk.getByRole('dialog', { name: '通知' }).waitFor({ state: 'detached' });
  expect(await desk.locator('[data-testid="notification-bell"]').getAttribute('aria-expanded')).toBe('false');
  expect(await focused()).toBe('notification-bell');
  await desk.context().close();

  expect(pageErrors).toEqual([]);
}, 120_000);
