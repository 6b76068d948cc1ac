// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageOptions, NativeDialogApi, OpenOptions, SaveOptions } from '../../src-main/electron/native-dialogs.js';
import { MEDIA_FILTERS, nativeDialogs, withExtension } from '../../src-main/electron/native-dialogs.js';

/** A fake of Electron's dialog and shell: records what was asked, answers what the test scripted. */
class FakeDialogApi implements NativeDialogApi {
  readonly opened: OpenOptions[] = [];
  readonly saved: SaveOptions[] = [];
  readonly messages: MessageOptions[] = [];
  readonly revealed: string[] = [];
  openAnswer: { canceled: boolean; filePaths: readonly string[] } = { canceled: true, filePaths: [] };
  saveAnswer: { canceled: boolean; filePath?: string } = { canceled: true };
  messageAnswer = 1;

  showOpenDialog(options: OpenOptions) {
    this.opened.push(options);
    return Promise.resolve(this.openAnswer);
  }
  showSaveDialog(options: SaveOptions) {
    this.saved.push(options);
    return Promise.resolve(this.saveAnswer);
  }
  showMessageBox(options: MessageOptions) {
    this.messages.push(options);
    return Promise.resolve({ response: this.messageAnswer });
  }
  showItemInFolder(path: string) {
    this.revealed.push(path);
  }
}

function setup(lastFolder: string | null = null) {
  const root = mkdtempSync(join(tmpdir(), 'aniportrait-native-dialogs-'));
  const documents = join(root, 'Documents');
  mkdirSync(documents);
  const api = new FakeDialogApi();
  const dirty: boolean[] = [];
  let closed = 0;
  const dialogs = nativeDialogs(api, { lastFolder: () => Promise.resolve(lastFolder === null ? null : join(root, lastFolder)), fallbackFolder: documents, onDirty: (d) => dirty.push(d), close: () => closed++ });
  return { root, documents, api, dialogs, dirty, closed: () => closed };
}

describe('the desktop studio\'s native dialogs (Electron adapter, with a fake dialog API)', () => {
  it('filter by type: projects, videos, each media role, folders', async () => {
    const { api, dialogs } = setup();
    await dialogs.openProject();
    await dialogs.saveProject('Talk');
    await dialogs.saveVideo('Talk');
    await dialogs.pickMedia('photo');
    await dialogs.pickMedia('audio');
    await dialogs.pickFolder('Choose the farm storage folder');
    expect(api.opened[0]).toMatchObject({ title: 'Open project', properties: ['openDirectory', 'openFile'], filters: [{ extensions: ['aniproj', 'json'] }] });
    expect(api.saved.map((o) => o.filters)).toEqual([[{ name: 'AniPortrait project', extensions: ['aniproj'] }], [{ name: 'MP4 video', extensions: ['mp4'] }]]);
    expect(api.opened[1]).toMatchObject({ properties: ['openFile'], filters: MEDIA_FILTERS.photo });
    expect(api.opened[2].filters?.[0].extensions).toContain('wav');
    expect(api.opened[3]).toMatchObject({ title: 'Choose the farm storage folder', properties: ['openDirectory', 'createDirectory'] });
    expect(api.opened[3].filters).toBeUndefined();
  });

  it('start in the last folder the studio used, or the documents folder when there is none or it is gone', async () => {
    const first = setup('Renders');
    await first.dialogs.saveVideo('Talk');
    expect(first.api.saved[0].defaultPath).toBe(join(first.documents, 'Talk.mp4'));
    mkdirSync(join(first.root, 'Renders'));
    await first.dialogs.saveVideo('Talk');
    await first.dialogs.openProject();
    expect(first.api.saved[1].defaultPath).toBe(join(first.root, 'Renders', 'Talk.mp4'));
    expect(first.api.opened[0].defaultPath).toBe(join(first.root, 'Renders'));
    const none = setup(null);
    await none.dialogs.saveProject('Mine');
    expect(none.api.saved[0].defaultPath).toBe(join(none.documents, 'Mine.aniproj'));
  });

  it('answer null on cancel and the chosen path otherwise, with the extension a typed name lacks', async () => {
    const { root, api, dialogs } = setup();
    expect(await dialogs.saveVideo('Talk')).toBeNull();
    expect(await dialogs.openProject()).toBeNull();
    expect(await dialogs.pickFolder('x')).toBeNull();
    api.saveAnswer = { canceled: false, filePath: '' };
    expect(await dialogs.saveVideo('Talk')).toBeNull();
    api.saveAnswer = { canceled: false, filePath: join(root, 'take two') };
    expect(await dialogs.saveVideo('Talk')).toBe(join(root, 'take two.mp4'));
    api.saveAnswer = { canceled: false, filePath: join(root, 'Take.MP4') };
    expect(await dialogs.saveVideo('Talk')).toBe(join(root, 'Take.MP4'));
    expect(await dialogs.saveProject('Talk')).toBe(join(root, 'Take.MP4.aniproj'));
    api.openAnswer = { canceled: false, filePaths: [join(root, 'a.png'), join(root, 'b.png')] };
    expect(await dialogs.pickMedia('photo')).toBe(join(root, 'a.png'));
    expect(api.messages).toEqual([]);
    expect(withExtension('/x/y.mp4', 'mp4')).toBe('/x/y.mp4');
    expect(withExtension('/x/y.mov', 'mp4')).toBe('/x/y.mov.mp4');
  });

  it('offer to create a missing folder a typed path names: Create makes it, Cancel answers null and creates nothing', async () => {
    const { root, api, dialogs } = setup();
    const missing = join(root, 'new', 'renders');
    api.saveAnswer = { canceled: false, filePath: join(missing, 'talk.mp4') };
    api.messageAnswer = 1;
    expect(await dialogs.saveVideo('talk')).toBeNull();
    expect(existsSync(missing)).toBe(false);
    expect(api.messages[0]).toMatchObject({ message: `The folder "${missing}" does not exist.`, buttons: ['Create folder', 'Cancel'], cancelId: 1 });
    api.messageAnswer = 0;
    expect(await dialogs.saveVideo('talk')).toBe(join(missing, 'talk.mp4'));
    expect(existsSync(missing)).toBe(true);
    // An existing folder asks nothing.
    expect(await dialogs.saveVideo('talk')).toBe(join(missing, 'talk.mp4'));
    expect(api.messages).toHaveLength(2);
  });

  it('reveal in the file manager, report unsaved changes and close the window', async () => {
    const { api, dialogs, dirty, closed } = setup();
    await dialogs.revealFile('/videos/talk.mp4');
    dialogs.setDocumentDirty(true);
    dialogs.setDocumentDirty(false);
    await dialogs.closeWindow();
    expect(api.revealed).toEqual(['/videos/talk.mp4']);
    expect(dirty).toEqual([true, false]);
    expect(closed()).toBe(1);
  });
});
