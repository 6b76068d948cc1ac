import { StudioPage } from './pages/StudioPage';
import { expect, test } from './support/web-host-fixture';

test('dragging in the 3D viewport orbits the camera, and Reset view brings it back', async ({ page, webHost }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  expect(await studio.viewportContentFraction()).toBeGreaterThan(0.02);
  const before = await studio.viewportCanvas.screenshot();

  const box = await studio.viewportCanvas.boundingBox();
  if (box === null) throw new Error('the viewport canvas has no size');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 180, box.y + box.height / 2 - 40, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await studio.viewportCanvas.screenshot()).equals(before)).toBe(false);
  await studio.screenshot('09-orbited');

  await page.getByRole('button', { name: 'Reset view' }).click();
  // Hover styles and the button's tooltip lie inside the canvas's screenshot box.
  await page.mouse.move(0, 0);
  await expect.poll(async () => (await studio.viewportCanvas.screenshot()).equals(before)).toBe(true);
});
