import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';
import { makeSpeechWav } from './support/speech-wav';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const ELECTRON_DIST = join(REPO_ROOT, 'node_modules', 'electron', 'dist');
const MAIN_JS = join(REPO_ROOT, 'dist', 'main', 'electron-main.js');

test('the Electron window opens a project and draws imported audio', async () => {
  if (!existsSync(ELECTRON_DIST)) {
    const reason = `Electron's binary is not installed (${ELECTRON_DIST} is missing)`;
    console.log(`skipping the Electron e2e: ${reason}`);
    test.skip(true, reason);
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'aniportrait-electron-'));
  const app = await electron.launch({ args: [MAIN_JS], cwd: REPO_ROOT, env: { ...process.env, ANIPORTRAIT_DATA_DIR: dataDir } });
  try {
    const studio = new StudioPage(await app.firstWindow());
    await expect(studio.statusBar).toContainText('electron host');
    await expect(studio.projectName).toHaveText('Untitled');
    const wav = await makeSpeechWav(dataDir);
    await studio.importAudio(wav.path);
    await studio.expectWaveformDrawn(wav.durationSec);
    await studio.screenshot('07-electron');
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
