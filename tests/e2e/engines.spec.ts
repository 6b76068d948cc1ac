import { StudioPage } from './pages/StudioPage';
import { expect, test } from './support/web-host-fixture';

test('choosing the AniPortrait engine says which model files are missing, where, and that no GPU provider is installed', async ({ page, webHost }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await expect(page.getByTestId('engine-warning')).toHaveCount(0);

  await page.getByTestId('field-audio2lmk').selectOption('aniportrait');
  const warning = page.getByTestId('engine-warning');
  await expect(warning).toContainText('4 model files (w2v_feature_encoder.onnx, audio2mesh.onnx, ...)');
  await expect(warning, 'only the Audio2Lmk graphs are asked for').not.toContainText('denoising_unet.onnx');
  await expect(warning).toContainText('models/aniportrait');

  await page.getByTestId('field-lmk2video').selectOption('aniportrait');
  await expect(warning).toContainText('10 model files');
  await expect(page.getByTestId('engine-preview-note')).toContainText('built-in warp');
  // This machine (and CI) has no CUDA or DirectML provider installed.
  await expect(page.getByTestId('engine-gpu-warning')).toContainText('No GPU execution provider');
  await page.getByTestId('engine-preview-note').scrollIntoViewIfNeeded();
  await studio.screenshot('20-aniportrait-engine-missing-models');

  // The export dialog offers the engine but cannot export with it until the models exist.
  await page.getByTestId('btn-export').click();
  await expect(studio.exportDialog).toBeVisible();
  await expect(page.getByTestId('export-engine')).toHaveValue('aniportrait');
  await expect(page.getByTestId('export-engine').locator('option[value="aniportrait"]')).toBeDisabled();
  await expect(page.getByTestId('export-engine-hint')).toContainText('6 model files (clip_image_encoder.onnx, vae_encoder.onnx, ...)');
  await page.getByTestId('export-engine').selectOption('builtin');
  await expect(page.getByTestId('export-engine-hint')).toHaveCount(0);
  await page.getByTestId('export-close').click();
  // The dialog's choice was this export's: the project still uses AniPortrait's Lmk2Video.
  await expect(page.getByTestId('field-lmk2video')).toHaveValue('aniportrait');
  await page.getByTestId('field-lmk2video').selectOption('builtin');
  await expect(page.getByTestId('engine-preview-note')).toHaveCount(0);
  await page.getByTestId('field-audio2lmk').selectOption('builtin');
  await expect(page.getByTestId('engine-warning')).toHaveCount(0);
});
