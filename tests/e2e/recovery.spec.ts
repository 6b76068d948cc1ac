import { join } from 'node:path';
import { StudioPage } from './pages/StudioPage';
import { expect, test } from './support/web-host-fixture';

test('unsaved edits are autosaved and offered back when the project is opened again', async ({ page, webHost, scratchDir }) => {
  // A fake clock lets the test jump past the 30 s autosave interval instead of waiting for it.
  await page.clock.install();
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.rename('Saved name');
  const projectPath = join(scratchDir, 'recovery.aniproj');
  await studio.saveAs(projectPath);
  await expect(studio.dirtyIndicator).toHaveCount(0);

  await studio.rename('Edited after saving');
  await expect(studio.dirtyIndicator).toBeVisible();
  await page.clock.fastForward('00:31');
  await expect(page.getByTestId('status-save-state')).toContainText('Unsaved changes (autosaved');

  // As after a crash: a new page, and the project opened from its file.
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.open(projectPath);
  await expect(studio.recoveryPrompt).toContainText('Restore unsaved changes from');
  await studio.screenshot('08-recovery-prompt');
  await page.getByTestId('recovery-restore').click();
  await expect(studio.recoveryPrompt).toHaveCount(0);
  await expect(studio.projectName).toHaveText('Edited after saving');
  await expect(studio.dirtyIndicator).toBeVisible();

  // Discarding instead keeps the saved version, and the offer does not come back.
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.open(projectPath);
  await page.getByTestId('recovery-discard').click();
  await expect(studio.recoveryPrompt).toHaveCount(0);
  await expect(studio.projectName).toHaveText('Saved name');
  await expect(studio.dirtyIndicator).toHaveCount(0);
  await expect(studio.statusBar).toContainText('Discarded the autosave');
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.open(projectPath);
  await expect(studio.projectName).toHaveText('Saved name');
  await expect(studio.recoveryPrompt).toHaveCount(0);
});
