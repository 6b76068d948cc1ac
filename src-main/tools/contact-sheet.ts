import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { FaceParams } from '../../src-shared/face/expression-rig.js';
import { ExpressionRig, NEUTRAL_FACE } from '../../src-shared/face/expression-rig.js';
import type { RgbaImage } from '../../src-shared/render/rgba-image.js';
import { createRgbaImage, rgbaFromRgb } from '../../src-shared/render/rgba-image.js';
import { createWarpRenderer } from '../engines/builtin/warp-renderer-for-photo.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { PHOTO_GRADES, gradePhoto } from '../../src-shared/render/photo-grade.js';
import { decodeImageRgb } from '../media/decode-image.js';
import { encodePng } from '../media/encode-png.js';

/**
 * `npm run contact-sheet -- OUT_DIR [--graded] [PHOTO|FOLDER ...]`: the built-in engine's frames of
 * each photo (default: the .png and .jpg files of ../shared/fixtures/aniportrait; with --graded
 * also each photo desaturated, cool, warm, dark and in low contrast) at 512x512, one sheet
 * per photo: row 1 rest, open mouth, blink, smile; row 2 brow raise, lip funnel, yaw -30, yaw +30;
 * row 3 pitch -20, pitch +20, roll -15, roll +15; row 4 the matte, the background plate, the
 * warped matte at yaw +30 and open mouth at yaw +30. Each frame is also written at full size.
 */
const CELLS: readonly { name: string; face?: Partial<FaceParams>; pose?: readonly number[]; show?: 'matte' | 'plate' | 'warped-matte' }[] = [
  { name: 'rest' },
  { name: 'open-mouth', face: { jawOpen: 1 } },
  { name: 'blink', face: { blinkLeft: 1, blinkRight: 1 } },
  { name: 'smile', face: { smile: 1 } },
  { name: 'brow-raise', face: { browRaise: 1 } },
  { name: 'lip-funnel', face: { lipFunnel: 1 } },
  { name: 'yaw-30', pose: [0, -30, 0] },
  { name: 'yaw+30', pose: [0, 30, 0] },
  { name: 'pitch-20', pose: [-20, 0, 0] },
  { name: 'pitch+20', pose: [20, 0, 0] },
  { name: 'roll-15', pose: [0, 0, -15] },
  { name: 'roll+15', pose: [0, 0, 15] },
  { name: 'matte', show: 'matte' },
  { name: 'plate', show: 'plate' },
  { name: 'warped-matte-yaw+30', pose: [0, 30, 0], show: 'warped-matte' },
  { name: 'open-mouth-yaw+30', face: { jawOpen: 1 }, pose: [0, 30, 0] },
];
const SIZE_PX = 512;
const COLUMNS = 4;
const THUMB_PX = 256;

function photosOf(args: readonly string[]): string[] {
  const inputs = args.length > 0 ? args : [join('..', 'shared', 'fixtures', 'aniportrait')];
  return inputs.flatMap((input) => {
    const path = resolve(input);
    if (/\.(png|jpe?g|webp)$/i.test(path)) return [path];
    return readdirSync(path)
      .filter((name) => /\.(png|jpe?g|webp)$/i.test(name))
      .map((name) => join(path, name));
  });
}

function grey(values: Uint8Array, widthPx: number, heightPx: number): RgbaImage {
  const image = createRgbaImage(widthPx, heightPx);
  for (let p = 0; p < values.length; p++) image.pixels[p] = (0xff000000 | (values[p] * 0x010101)) >>> 0;
  return image;
}

/** Half size by 2x2 means, pasted into the sheet at cell k. */
function paste(sheet: RgbaImage, frame: RgbaImage, k: number): void {
  const ox = (k % COLUMNS) * THUMB_PX;
  const oy = Math.floor(k / COLUMNS) * THUMB_PX;
  for (let y = 0; y < THUMB_PX; y++) {
    for (let x = 0; x < THUMB_PX; x++) {
      const o = ((oy + y) * sheet.widthPx + ox + x) * 4;
      for (let c = 0; c < 3; c++) {
        const at = (dy: number, dx: number) => frame.data[((y * 2 + dy) * frame.widthPx + x * 2 + dx) * 4 + c];
        sheet.data[o + c] = (at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1) + 2) >> 2;
      }
      sheet.data[o + 3] = 255;
    }
  }
}

async function sheetFor(photo: string, outDir: string): Promise<void> {
  const label = basename(photo);
  const { rig } = await analyzePhoto(photo, label);
  const renderer = await createWarpRenderer(photo, label, rig, SIZE_PX, SIZE_PX);
  const expression = new ExpressionRig(rig.lmks3dCm);
  const stem = basename(photo, extname(photo));
  const rows = Math.ceil(CELLS.length / COLUMNS);
  const sheet = createRgbaImage(COLUMNS * THUMB_PX, rows * THUMB_PX);
  mkdirSync(join(outDir, stem), { recursive: true });
  CELLS.forEach((cell, k) => {
    const offsets = expression.offsets({ ...NEUTRAL_FACE, ...cell.face });
    const pose = [...(cell.pose ?? [0, 0, 0]), 0, 0, 0];
    let frame: RgbaImage;
    if (cell.show === 'plate') {
      if (!renderer.layers) throw new Error(`${label}: the renderer has no person layers`);
      frame = renderer.layers.plate;
    } else if (cell.show === 'matte') {
      if (!renderer.layers) throw new Error(`${label}: the renderer has no person layers`);
      const alpha = new Uint8Array(SIZE_PX * SIZE_PX);
      for (let p = 0; p < alpha.length; p++) alpha[p] = renderer.layers.person.data[p * 4 + 3];
      frame = grey(alpha, SIZE_PX, SIZE_PX);
    } else if (cell.show === 'warped-matte') {
      frame = grey(renderer.warpedMatte(offsets, pose), SIZE_PX, SIZE_PX);
    } else {
      frame = createRgbaImage(SIZE_PX, SIZE_PX);
      renderer.render(offsets, pose, frame);
    }
    writeFileSync(join(outDir, stem, `${cell.name}.png`), encodePng(frame));
    paste(sheet, frame, k);
  });
  const sheetPath = join(outDir, `${stem}-sheet.png`);
  writeFileSync(sheetPath, encodePng(sheet));
  console.log(`${label}: ${sheetPath} (${CELLS.map((c) => c.name).join(', ')})`);
}

/** The photo in each of PHOTO_GRADES, written as PNGs into `dir`. */
async function gradedVariants(photo: string, dir: string): Promise<string[]> {
  const decoded = await decodeImageRgb(photo, basename(photo));
  const image = rgbaFromRgb(decoded.rgb, decoded.widthPx, decoded.heightPx);
  const stem = basename(photo, extname(photo));
  return PHOTO_GRADES.map((grade) => {
    const path = join(dir, `${stem}-${grade}.png`);
    writeFileSync(path, encodePng(gradePhoto(image, grade)));
    return path;
  });
}

const args = process.argv.slice(2);
const graded = args.includes('--graded');
const [outArg, ...photoArgs] = args.filter((a) => a !== '--graded');
if (!outArg) {
  console.error('usage: npm run contact-sheet -- OUT_DIR [--graded] [PHOTO|FOLDER ...]');
  process.exit(2);
}
const outDir = resolve(outArg);
mkdirSync(outDir, { recursive: true });
for (const photo of photosOf(photoArgs)) {
  await sheetFor(photo, outDir);
  if (graded) {
    const gradedDir = join(outDir, 'graded-photos');
    mkdirSync(gradedDir, { recursive: true });
    for (const variant of await gradedVariants(photo, gradedDir)) await sheetFor(variant, outDir);
  }
}
process.exit(0);
