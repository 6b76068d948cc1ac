import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { screenshotPixels } from '../support/canvas-pixels';
import { makeSpeechWav } from '../support/speech-wav';

/** Screenshots of the main states, for people to look at (gitignored). */
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '..', '..', 'artifacts');

/** The studio window as a user sees it: its controls, and the few outcomes tests look for. */
export class StudioPage {
  readonly projectName: Locator;
  readonly dirtyIndicator: Locator;
  readonly statusBar: Locator;
  readonly waveform: Locator;
  readonly previewImage: Locator;
  readonly viewportCanvas: Locator;
  readonly pathDialog: Locator;
  readonly pathInput: Locator;
  readonly connectionBanner: Locator;
  readonly recoveryPrompt: Locator;
  readonly toasts: Locator;
  readonly previewCanvas: Locator;
  readonly playhead: Locator;
  readonly timeRuler: Locator;
  readonly markers: Locator;
  readonly keys: Locator;
  readonly exportDialog: Locator;
  /** The inspector's head-motion source: 'audio' (from the voice), 'template' (.npy) or 'video'. */
  readonly poseSourceField: Locator;
  /** The Assets section's head-motion row: the template or video in use, or "from the voice". */
  readonly headMotionAsset: Locator;
  /** The frame's head pose over the 3D viewport ("pitch +0.0° yaw +0.0° roll +0.0°"). */
  readonly poseReadout: Locator;

  constructor(readonly page: Page) {
    const id = (testId: string) => page.getByTestId(testId);
    this.projectName = id('project-name');
    this.dirtyIndicator = id('dirty-indicator');
    this.statusBar = id('status-bar');
    this.waveform = id('waveform');
    this.previewImage = id('preview-image');
    this.viewportCanvas = id('viewport-canvas');
    this.pathDialog = id('path-dialog');
    this.pathInput = id('path-input');
    this.connectionBanner = id('connection-banner');
    this.recoveryPrompt = id('recovery-prompt');
    this.toasts = id('toast');
    this.previewCanvas = id('preview-canvas');
    this.playhead = id('playhead');
    this.timeRuler = id('time-ruler');
    this.markers = id('marker');
    this.keys = id('key');
    this.exportDialog = id('export-dialog');
    this.poseSourceField = id('field-pose-source');
    this.headMotionAsset = id('asset-head-motion');
    this.poseReadout = id('pose-readout');
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** Connected, and the automatic untitled project is open. */
  async expectReady(): Promise<void> {
    // A busy machine may take longer than Playwright's default 5 s to load the page and connect.
    await expect(this.statusBar).toContainText('web host', { timeout: 20_000 });
    await expect(this.projectName).not.toHaveText('No project');
  }

  /** An empty studio at `url`, then the photo and a generated speech recording imported, and the track generated. */
  async openWithGeneratedTrack(url: string, photo: string, scratchDir: string): Promise<void> {
    await this.goto(url);
    await this.expectReady();
    await this.importPhoto(photo);
    await this.importAudio((await makeSpeechWav(scratchDir)).path);
    await expect(this.statusBar).toContainText('Generated', { timeout: 60_000 });
  }

  /**
   * Saves the project as `fileName` in a projects folder of `scratchDir`, reloads the studio at
   * `url` and opens it again, waiting for its track.
   */
  async saveAndReopen(url: string, scratchDir: string, fileName: string): Promise<void> {
    await mkdir(join(scratchDir, 'projects'), { recursive: true });
    const projectPath = join(scratchDir, 'projects', fileName);
    await this.saveAs(projectPath);
    await expect(this.dirtyIndicator).toHaveCount(0);
    await this.goto(url);
    await this.expectReady();
    await this.open(projectPath);
    await expect(this.statusBar).toContainText('Generated', { timeout: 60_000 });
  }

  async newProject(): Promise<void> {
    await this.page.getByTestId('btn-new').click();
  }

  async rename(name: string): Promise<void> {
    const field = this.page.getByTestId('field-name');
    await field.fill(name);
    await field.press('Enter');
  }

  async importAudio(path: string): Promise<void> {
    await this.page.getByTestId('input-audio').setInputFiles(path);
  }

  async importPhoto(path: string): Promise<void> {
    await this.page.getByTestId('input-photo').setInputFiles(path);
  }

  /**
   * Chooses the head-motion source in the inspector. A template or video the project does not
   * have yet opens a file chooser: `file` is picked in it.
   */
  async choosePoseSource(kind: 'audio' | 'template' | 'video' | 'performance', file?: string): Promise<void> {
    if (file === undefined) {
      await this.poseSourceField.selectOption(kind);
      return;
    }
    const chooser = this.page.waitForEvent('filechooser');
    await this.poseSourceField.selectOption(kind);
    await (await chooser).setFiles(file);
  }

  /** Drops a file on the studio window, as from a file manager. */
  async dropFile(fileName: string, mimeType: string, bytes: Buffer): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, type, base64 }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type }));
        return transfer;
      },
      { name: fileName, type: mimeType, base64: bytes.toString('base64') },
    );
    const target = this.page.getByTestId('preview-panel');
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  /** Save As through the in-app path dialog (the web host has no native one). */
  async saveAs(path: string): Promise<void> {
    await this.page.getByTestId('btn-save-as').click();
    await expect(this.pathDialog).toBeVisible();
    await this.pathInput.fill(path);
    await this.page.getByTestId('path-confirm').click();
  }

  async open(path: string): Promise<void> {
    await this.page.getByTestId('btn-open').click();
    await expect(this.pathDialog).toBeVisible();
    await this.pathInput.fill(path);
    await this.page.getByTestId('path-confirm').click();
  }

  async expectWaveformDrawn(durationSec: number): Promise<void> {
    await expect(this.waveform).toHaveAttribute('data-state', 'ready');
    const shownSec = Number(await this.waveform.getAttribute('data-duration-sec'));
    expect(shownSec).toBeCloseTo(durationSec, 1);
    // Ink: the share of the waveform's canvas pixels that wavesurfer painted (the rest is transparent).
    expect(await this.waveformInkFraction()).toBeGreaterThan(0.02);
  }

  /** Fraction of the waveform canvases' pixels that are not transparent background. */
  waveformInkFraction(): Promise<number> {
    return this.waveform.evaluate((container) => {
      // wavesurfer draws inside an open shadow root under the container.
      const hosts = Array.from(container.querySelectorAll('*'));
      const canvases = hosts.flatMap((el) => (el.shadowRoot === null ? [] : Array.from(el.shadowRoot.querySelectorAll('canvas'))));
      let painted = 0;
      let total = 0;
      for (const canvas of canvases) {
        if (canvas.width === 0 || canvas.height === 0) continue;
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        if (pixels === undefined) continue;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
        total += canvas.width * canvas.height;
      }
      return total === 0 ? 0 : painted / total;
    });
  }

  async expectPhotoShown(widthPx: number, heightPx: number): Promise<void> {
    await expect(this.previewImage).toBeVisible();
    // The element appears before its bytes are decoded: wait for the decoded size.
    await expect.poll(() => this.previewImage.evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }))).toEqual({ w: widthPx, h: heightPx });
  }

  /**
   * Share of the 3D viewport's pixels that differ from its most common colour (the background):
   * a blank or failed WebGL canvas scores 0. Reads a real screenshot, so it sees what users see.
   */
  async viewportContentFraction(): Promise<number> {
    const { data } = await screenshotPixels(this.viewportCanvas);
    if (data.length === 0) return 0;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const background = Math.max(...counts.values());
    return 1 - background / (data.length / 4);
  }

  async screenshot(name: string): Promise<void> {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await this.page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
  }
}
