import { StudioPage } from './pages/StudioPage';
import { TimelinePage } from './pages/TimelinePage';
import { makeSpeechWav } from './support/speech-wav';
import { expect, test } from './support/web-host-fixture';

const FPS = 30;

test('markers and keyframes: add, drag with snapping, select, copy/paste, interpolate, delete, undo and redo', async ({ page, webHost, scratchDir }) => {
  const studio = new StudioPage(page);
  const timeline = new TimelinePage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  const wav = await makeSpeechWav(scratchDir);
  await studio.importAudio(wav.path);
  await studio.expectWaveformDrawn(wav.durationSec);

  // Space plays (the audio drives the playhead), K stops, End and Home jump.
  await timeline.releaseFocus();
  await page.keyboard.press('Space');
  await expect(timeline.playButton).toHaveAttribute('aria-pressed', 'true');
  await expect(timeline.playbackRate).toHaveText('▶ 1×');
  await expect.poll(() => timeline.playheadFrame()).toBeGreaterThan(36);
  await page.keyboard.press('k');
  await expect(timeline.playButton).toHaveAttribute('aria-pressed', 'false');
  await expect(timeline.playbackRate).toHaveCount(0);
  const stoppedFrame = await timeline.playheadFrame();
  await page.waitForTimeout(150);
  expect(await timeline.playheadFrame(), 'the playhead stays where playback stopped').toBe(stoppedFrame);

  // J/K/L shuttle: J plays backwards, J again twice as fast, L turns round, L again faster, K pauses.
  await page.keyboard.press('j');
  await expect(timeline.playButton).toHaveAttribute('aria-pressed', 'true');
  await expect(timeline.playbackRate).toHaveText('◀ 1×');
  await expect.poll(() => timeline.playheadFrame(), { message: 'J plays backwards' }).toBeLessThan(stoppedFrame - 3);
  await page.keyboard.press('j');
  await expect(timeline.playbackRate).toHaveText('◀ 2×');
  await expect(timeline.playbackRate).toHaveAttribute('data-rate', '-2');
  await page.keyboard.press('k');
  await expect(timeline.playbackRate).toHaveCount(0);
  const reversedTo = await timeline.playheadFrame();
  expect(reversedTo).toBeLessThan(stoppedFrame);
  await page.keyboard.press('l');
  await expect(timeline.playbackRate).toHaveText('▶ 1×');
  await page.keyboard.press('l');
  await expect(timeline.playbackRate).toHaveText('▶ 2×');
  await expect.poll(() => timeline.playheadFrame(), { message: 'L plays forwards again' }).toBeGreaterThan(reversedTo + 3);
  await page.keyboard.press('j');
  await expect(timeline.playbackRate, 'J while playing forwards turns round at normal speed').toHaveText('◀ 1×');
  await page.keyboard.press('k');
  await expect(timeline.playButton).toHaveAttribute('aria-pressed', 'false');
  const lastFrame = Math.ceil(wav.durationSec * FPS - 1e-6) - 1;
  await page.keyboard.press('End');
  await expect(timeline.playhead).toHaveAttribute('data-frame-index', String(lastFrame));
  await page.keyboard.press('Home');
  await expect(timeline.playhead).toHaveAttribute('data-frame-index', '0');

  // M adds a marker at the playhead; it shows on the ruler at that time.
  await timeline.goToFrame(15);
  await page.keyboard.press('m');
  await expect(timeline.markers).toHaveCount(1);
  await expect(timeline.markers.first()).toHaveAttribute('data-time-sec', (15 / FPS).toFixed(4));

  // Dragging it moves it to a whole frame; one undo puts it back, redo moves it again.
  const marker = timeline.markers.first();
  const markerBox = await marker.boundingBox();
  if (markerBox === null) throw new Error('marker has no box');
  await page.mouse.move(markerBox.x + 3, markerBox.y + markerBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(markerBox.x + 60, markerBox.y + markerBox.height / 2, { steps: 6 });
  await page.mouse.up();
  const movedSec = Number(await marker.getAttribute('data-time-sec'));
  expect(movedSec).toBeGreaterThan(15 / FPS);
  // data-time-sec has 4 decimals: a whole frame reads within 0.00005 s x fps of an integer.
  expect(Math.abs(movedSec * FPS - Math.round(movedSec * FPS))).toBeLessThanOrEqual(0.00005 * FPS + 1e-9);
  await page.keyboard.press('Control+z');
  await expect(marker).toHaveAttribute('data-time-sec', (15 / FPS).toFixed(4));
  await page.keyboard.press('Control+Shift+z');
  await expect(marker).toHaveAttribute('data-time-sec', movedSec.toFixed(4));

  // A yaw key typed into the inspector at the playhead's frame.
  await timeline.keyPoseField('yawDeg', 12);
  await expect(timeline.keysOf('yawDeg')).toHaveCount(1);
  await expect(timeline.keysOf('yawDeg').first()).toHaveAttribute('data-time-sec', (15 / FPS).toFixed(4));
  await expect(timeline.keysOf('yawDeg').first()).toHaveAttribute('data-value', '12');
  await expect(page.getByTestId('lane-value-yawDeg')).toHaveText('+12.0°');
  await expect(studio.dirtyIndicator).toBeVisible();

  // The lane's key button and a double-click on a lane key other channels.
  await timeline.goToFrame(45);
  await page.getByTestId('add-key-pitchDeg').click();
  await expect(timeline.keysOf('pitchDeg')).toHaveCount(1);
  await expect(timeline.keysOf('pitchDeg').first()).toHaveAttribute('data-time-sec', (45 / FPS).toFixed(4));
  const smileLane = await timeline.visibleBox(timeline.lane('smile'));
  await page.mouse.dblclick(smileLane.x + smileLane.width * 0.5, smileLane.y + smileLane.height / 2);
  await expect(timeline.keysOf('smile')).toHaveCount(1);

  // An expression slider keys the playhead's frame.
  await page.getByTestId('expr-slider-jawOpen').fill('0.5');
  await expect(timeline.keysOf('jawOpen')).toHaveCount(1);
  await expect(timeline.keysOf('jawOpen').first()).toHaveAttribute('data-value', '0.5');

  // Select the yaw key and make it a hold key, then an ease-in bezier.
  const yawKey = timeline.keysOf('yawDeg').first();
  await yawKey.click();
  await expect(yawKey).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('keyframe-section')).toContainText('Yaw');
  await page.getByTestId('key-interp').selectOption('hold');
  await expect(yawKey).toHaveAttribute('data-interp', 'hold');
  await page.getByTestId('key-interp').selectOption('easeIn');
  await expect(yawKey).toHaveAttribute('data-interp', 'bezier');

  // Dragging the Value label changes the key's value, and the whole drag is one undo step.
  const valueLabel = await page.locator('label[for="key-value"]').boundingBox();
  if (valueLabel === null) throw new Error('the value label has no box');
  await page.mouse.move(valueLabel.x + valueLabel.width / 2, valueLabel.y + valueLabel.height / 2);
  await page.mouse.down();
  await page.mouse.move(valueLabel.x + valueLabel.width / 2 + 40, valueLabel.y + valueLabel.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(yawKey).toHaveAttribute('data-value', '22');
  await studio.screenshot('20-keyframe-selected');
  await page.keyboard.press('Control+z');
  await expect(yawKey).toHaveAttribute('data-value', '12');

  // Dragging a key snaps it to frames; it snaps onto the marker when dropped near it.
  const markerSec = Number(await marker.getAttribute('data-time-sec'));
  const yawCenter = await timeline.keyCenter(yawKey);
  const markerLeft = (await marker.boundingBox())?.x ?? 0;
  await page.mouse.move(yawCenter.x, yawCenter.y);
  await page.mouse.down();
  await page.mouse.move(markerLeft + 1 + 3, yawCenter.y, { steps: 8 });
  await page.mouse.up();
  await expect(yawKey).toHaveAttribute('data-time-sec', markerSec.toFixed(4));
  await page.keyboard.press('Control+z');
  await expect(yawKey).toHaveAttribute('data-time-sec', (15 / FPS).toFixed(4));

  // Box-select yaw and pitch keys, copy, paste at another frame, delete the pasted ones.
  const yawLane = await timeline.visibleBox(timeline.lane('yawDeg'));
  const pitchLane = await timeline.visibleBox(timeline.lane('pitchDeg'));
  await page.mouse.move(pitchLane.x + 2, pitchLane.y + 1);
  await page.mouse.down();
  await page.mouse.move(yawLane.x + yawLane.width * 0.45, yawLane.y + yawLane.height - 2, { steps: 6 });
  await page.mouse.up();
  await expect(page.locator('[data-testid="key"][data-selected="true"]')).toHaveCount(2);
  await page.keyboard.press('Control+c');
  await timeline.goToFrame(90);
  await page.keyboard.press('Control+v');
  await expect(timeline.keysOf('yawDeg')).toHaveCount(2);
  await expect(timeline.keysOf('pitchDeg')).toHaveCount(2);
  await expect(timeline.keysOf('yawDeg').nth(1)).toHaveAttribute('data-time-sec', (90 / FPS).toFixed(4));
  await expect(timeline.keysOf('pitchDeg').nth(1)).toHaveAttribute('data-time-sec', (120 / FPS).toFixed(4));
  await page.keyboard.press('Delete');
  await expect(timeline.keysOf('yawDeg')).toHaveCount(1);
  await expect(timeline.keysOf('pitchDeg')).toHaveCount(1);

  // The marker can be selected and deleted too; undo brings it back.
  await marker.click();
  await page.keyboard.press('Delete');
  await expect(timeline.markers).toHaveCount(0);
  await page.getByTestId('btn-undo').click();
  await expect(timeline.markers).toHaveCount(1);

  // Ctrl+wheel zooms the timeline: the lanes get wider than the view.
  const widthBefore = await timeline.scroll.evaluate((el) => el.scrollWidth);
  const view = await timeline.scroll.boundingBox();
  if (view === null) throw new Error('timeline has no box');
  await page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await expect.poll(() => timeline.scroll.evaluate((el) => el.scrollWidth)).toBeGreaterThan(widthBefore * 1.5);
  await expect(studio.waveform).toHaveAttribute('data-state', 'ready');
  await studio.screenshot('21-timeline-zoomed');
});
