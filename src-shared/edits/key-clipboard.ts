import type { KeyChannelId } from '../keyframes/shape-channels.js';
import type { HandleMode, Interpolation, Keyframe, KeyHandle } from '../keyframes/keyframe-schema.js';
import type { ProjectDocument } from '../project/project-schema.js';
import type { KeyframeId, LayerId } from '../util/ids.js';
import { randomId } from '../util/ids.js';
import type { DocumentEdit } from './document-edit.js';
import { byTime, editActiveLayer } from './keyframe-edits.js';
import { findKey, sameFrame } from './keyframe-queries.js';
import type { KeyRef } from './selection.js';
import { snapToFrame } from './snapping.js';

/** Copied keys, with times relative to the earliest one, for Ctrl+V at the playhead. */
export interface KeyClipboard {
  readonly keys: readonly {
    readonly channel: KeyChannelId;
    readonly offsetSec: number;
    readonly value: number;
    readonly interp: Interpolation;
    readonly handleMode: HandleMode;
    readonly leftHandle: KeyHandle;
    readonly rightHandle: KeyHandle;
  }[];
}

/** Copies keys with times relative to the earliest, for pasting at the playhead. */
export function copyKeys(doc: ProjectDocument, refs: readonly KeyRef[]): KeyClipboard | null {
  const found = refs.flatMap((ref) => {
    const key = findKey(doc, ref);
    return key === null ? [] : [{ channel: ref.channel, key }];
  });
  if (found.length === 0) return null;
  const startSec = Math.min(...found.map((f) => f.key.timeSec));
  return { keys: found.map(({ channel, key }) => ({ channel, offsetSec: key.timeSec - startSec, value: key.value, interp: key.interp, handleMode: key.handleMode, leftHandle: key.leftHandle, rightHandle: key.rightHandle })) };
}

/** Pastes copied keys starting at `atTimeSec`; keys already at those frames are replaced. */
export function pasteKeys(clipboard: KeyClipboard, atTimeSec: number, fps: number): { edit: DocumentEdit; pasted: KeyRef[] } {
  const layerId = randomId<LayerId>('layer');
  const pasted = clipboard.keys.map((k) => ({ channel: k.channel, keyId: randomId<KeyframeId>('key') }));
  const edit: DocumentEdit = {
    label: pasted.length === 1 ? 'Paste key' : `Paste ${pasted.length} keys`,
    apply: (doc) =>
      editActiveLayer(doc, layerId, (channels) => {
        let result = channels;
        clipboard.keys.forEach((clip, i) => {
          // Frame-exact: a paste lands on frames, as keys added at the playhead do.
          const timeSec = snapToFrame(atTimeSec + clip.offsetSec, fps);
          const others = (result[clip.channel] ?? []).filter((k) => !sameFrame(k.timeSec, timeSec, fps));
          const key: Keyframe = { id: pasted[i].keyId, timeSec, value: clip.value, interp: clip.interp, handleMode: clip.handleMode, leftHandle: { ...clip.leftHandle }, rightHandle: { ...clip.rightHandle } };
          result = { ...result, [clip.channel]: [...others, key].sort(byTime) };
        });
        return result;
      }),
  };
  return { edit, pasted };
}
