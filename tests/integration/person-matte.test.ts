// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzePhoto } from '../../src-main/face/analyze-photo.js';
import { computePersonMatte } from '../../src-main/face/person-matte.js';
import { fixture, present } from '../helpers/fixtures.js';

const jijin = fixture('ref_jijin.png');
const cxk = fixture('ref_cxk.png');

/** Pixels where two mattes differ. */
function differing(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

describe('person matte', () => {
  // RVM is recurrent and Human keeps its state between calls: a photo's matte must not depend on
  // what was segmented before it in the same process (else a CLI render and a studio export of
  // one project, or two exports in one session, would differ).
  it.skipIf(!jijin || !cxk)('is the same for a photo whatever was segmented before it', async () => {
    const photo = present(jijin);
    const other = present(cxk);
    const { rig } = await analyzePhoto(photo, 'ref_jijin.png');
    const { rig: otherRig } = await analyzePhoto(other, 'ref_cxk.png');
    const first = await computePersonMatte(photo, 'ref_jijin.png', rig);
    const again = await computePersonMatte(photo, 'ref_jijin.png', rig);
    await computePersonMatte(other, 'ref_cxk.png', otherRig);
    const afterOther = await computePersonMatte(photo, 'ref_jijin.png', rig);
    expect(again.window).toEqual(first.window);
    expect(differing(first.alpha, again.alpha), 'pixels that differ when the photo is segmented twice in a row').toBe(0);
    expect(differing(first.alpha, afterOther.alpha), 'pixels that differ after another photo').toBe(0);
  }, 120_000);
});
