import { StudioPage } from './pages/StudioPage';
import { expect, test } from './support/web-host-fixture';

test('a page opened with a wrong token says it cannot reach the studio service', async ({ page, webHost }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.urlWithToken('not-the-token'));
  await expect(studio.connectionBanner).toBeVisible();
  await expect(studio.connectionBanner).toContainText('token');
  await expect(studio.statusBar).toContainText('disconnected');
  await expect(studio.projectName).toHaveText('No project');
  await studio.screenshot('05-wrong-token');
});
