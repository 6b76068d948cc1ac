// @vitest-environment node
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileBrowser } from '../../src-main/files/file-browser.js';
import { StudioSettingsStore, MAX_EXPORT_TARGETS } from '../../src-main/files/studio-settings-store.js';
import { createRouter } from '../../src-main/ipc/router.js';
import { NO_NATIVE_DIALOGS } from '../../src-main/services/dialogs.js';
import { createStudioHandlers } from '../../src-main/services/studio-services.js';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../src-shared/ipc/contract.js';
import type { Result } from '../../src-shared/util/result.js';
import { solidPng } from '../helpers/png.js';
import { arrayBufferOf } from '../helpers/studio-caller.js';

let root: string;
let allowed: string;
let browser: FileBrowser;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aniportrait-browse-'));
  allowed = join(root, 'home');
  mkdirSync(join(allowed, 'Videos', 'old.aniproj'), { recursive: true });
  writeFileSync(join(allowed, 'Videos', 'talk.mp4'), 'x');
  writeFileSync(join(allowed, 'Videos', 'notes.txt'), 'x');
  writeFileSync(join(allowed, '.hidden'), 'x');
  mkdirSync(join(root, 'outside', 'secret'), { recursive: true });
  browser = new FileBrowser([{ name: 'Home', path: allowed }]);
});

const failure = async (promise: Promise<unknown>) => promise.then(() => null, (error: { code?: string; message: string }) => error);

describe('the web host file browser stays inside its roots', () => {
  it('lists folders, projects and the asked-for files, folders first, with breadcrumbs from the root', async () => {
    const listing = await browser.list(join(allowed, 'Videos'), ['.mp4']);
    expect(listing.entries.map((e) => [e.name, e.kind])).toEqual([
      ['old.aniproj', 'project'],
      ['talk.mp4', 'file'],
    ]);
    expect(listing.breadcrumbs.map((c) => c.name)).toEqual(['Home', 'Videos']);
    expect((await browser.list(null, [])).path).toBe(allowed);
    expect((await browser.list(null, [])).entries.map((e) => e.name), 'hidden files are not listed').toEqual(['Videos']);
  });

  it('refuses a folder outside the roots, also by .. and through a link', async () => {
    expect(await failure(browser.list(join(root, 'outside'), []))).toMatchObject({ code: 'forbidden' });
    expect(await failure(browser.list(join(allowed, '..', 'outside'), []))).toMatchObject({ code: 'forbidden' });
    symlinkSync(join(root, 'outside'), join(allowed, 'escape'));
    expect(await failure(browser.list(join(allowed, 'escape'), []))).toMatchObject({ code: 'forbidden' });
    expect(await failure(browser.list(join(allowed, 'escape', 'secret'), []))).toMatchObject({ code: 'forbidden' });
    // The link itself is not even listed; a link to a folder inside is.
    symlinkSync(join(allowed, 'Videos'), join(allowed, 'shortcut'));
    expect((await browser.list(allowed, [])).entries.map((e) => e.name)).toEqual(['shortcut', 'Videos']);
  });

  it('makes one plain folder inside the roots only', async () => {
    const made = await browser.makeFolder(allowed, 'New folder');
    expect(made.path).toBe(join(allowed, 'New folder'));
    expect(existsSync(made.path)).toBe(true);
    expect(await failure(browser.makeFolder(allowed, 'New folder'))).toMatchObject({ code: 'already-exists' });
    for (const name of ['..', 'a/b', '../x', '.']) expect(await failure(browser.makeFolder(allowed, name)), name).toMatchObject({ code: 'invalid-request' });
    expect(await failure(browser.makeFolder(join(root, 'outside'), 'x'))).toMatchObject({ code: 'forbidden' });
    expect(existsSync(join(root, 'outside', 'x'))).toBe(false);
    symlinkSync(join(root, 'outside'), join(allowed, 'escape'));
    expect(await failure(browser.makeFolder(join(allowed, 'escape'), 'y'))).toMatchObject({ code: 'forbidden' });
    expect(existsSync(join(root, 'outside', 'y'))).toBe(false);
  });
});

describe('through the services', () => {
  type Call = <C extends InvokeChannel>(channel: C, request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  let call: Call;
  const dataDir = () => join(root, 'data');
  beforeEach(() => {
    const router = createRouter(createStudioHandlers({ host: 'web', dirs: { dataDir: dataDir(), projectsDir: join(root, 'projects') }, dialogs: NO_NATIVE_DIALOGS, browseRoots: [{ name: 'Home', path: allowed }, { name: 'Studio data', path: dataDir() }] }));
    call = async (channel, request) => {
      const outcome = await router.route(channel, request, { trusted: true, description: 'test' }, { signal: new AbortController().signal, push: () => {} });
      if (outcome.kind !== 'answered') throw new Error('dropped');
      return outcome.result as never;
    };
  });

  it('validates the payload: a bad extension or a missing field is refused before the browser runs', async () => {
    expect(await call('files:list', { path: null, extensions: ['mp4'] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('files:make-folder', { parent: allowed } as never)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('files:list', { path: join(root, 'outside'), extensions: [] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('Save As into a missing folder asks first (missing-folder), then creates it when told to; the folder becomes recent', async () => {
    const opened = await call('project:new', { name: 'Talk' });
    if (!opened.ok) throw new Error(opened.error.message);
    const target = join(allowed, 'new', 'deeper', 'Talk.aniproj');
    const refused = await call('project:save', { workDir: opened.value.workDir, path: target, document: opened.value.document });
    expect(refused).toMatchObject({ ok: false, error: { code: 'missing-folder' } });
    expect(existsSync(join(allowed, 'new'))).toBe(false);
    const saved = await call('project:save', { workDir: opened.value.workDir, path: target, document: opened.value.document, createFolders: true });
    expect(saved.ok).toBe(true);
    expect(existsSync(join(target, 'project.json'))).toBe(true);
    const settings = await call('settings:get', {});
    expect(settings.ok && settings.value.recentFolders[0]).toBe(join(allowed, 'new', 'deeper'));
  });

  it('lists an untitled project with an autosave (and its photo) after a reload, opens it with the autosave, and discards it', async () => {
    const opened = await call('project:new', { name: 'Lost' });
    if (!opened.ok) throw new Error(opened.error.message);
    const { workDir, document } = opened.value;
    expect(await call('project:list-untitled', {})).toEqual({ ok: true, value: [] });
    const photo = await call('assets:import', { workDir, role: 'photo', source: { kind: 'bytes', fileName: 'face.png', data: arrayBufferOf(solidPng(32, 32, [200, 150, 120])) } });
    if (!photo.ok) throw new Error(photo.error.message);
    const edited = { ...document, name: 'Lost work', assets: [photo.value], photoAssetId: photo.value.id };
    expect((await call('project:autosave', { workDir, document: edited })).ok).toBe(true);

    const listed = await call('project:list-untitled', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value).toHaveLength(1);
    expect(listed.value[0]).toMatchObject({ workDir, name: 'Lost work' });
    expect(listed.value[0].thumbnail?.mimeType).toBe('image/png');
    expect(listed.value[0].thumbnail?.data.byteLength).toBeGreaterThan(0);

    const recovered = await call('project:open-untitled', { workDir });
    expect(recovered.ok && recovered.value.recovery?.document.name).toBe('Lost work');
    expect(recovered.ok && recovered.value.savedPath).toBeNull();
    // Only the studio's own untitled folders: nothing else can be opened or deleted this way.
    expect(await call('project:open-untitled', { workDir: join(allowed, 'Videos', 'old.aniproj') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('project:discard-untitled', { workDir: join(dataDir(), 'untitled', '..', 'untitled.aniproj') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call('project:discard-untitled', { workDir })).ok).toBe(true);
    expect(existsSync(workDir)).toBe(false);
    expect(await call('project:list-untitled', {})).toEqual({ ok: true, value: [] });
  });
});

describe('the studio settings file', () => {
  it('keeps recent folders deduplicated and capped, export targets per project, and reads a damaged file as defaults', async () => {
    const store = new StudioSettingsStore(join(root, 'data'));
    expect(await store.get()).toEqual({ recentFolders: [], exportTargets: {}, layout: {} });
    await store.update({ recentFolders: ['/a', '/b', '/a', '/c', '/d', '/e', '/f', '/g', '/h', '/i'] });
    const targets = Object.fromEntries(Array.from({ length: MAX_EXPORT_TARGETS + 5 }, (_, i) => [`p${i}`, { folder: '/v', fileName: `${i}.mp4` }]));
    const stored = await store.update({ exportTargets: targets, layout: { timelineHeightPx: 300 } });
    expect(stored.recentFolders).toEqual(['/a', '/b', '/c', '/d', '/e', '/f', '/g', '/h']);
    expect(Object.keys(stored.exportTargets)).toHaveLength(MAX_EXPORT_TARGETS);
    expect(stored.exportTargets[`p${MAX_EXPORT_TARGETS + 4}`]).toEqual({ folder: '/v', fileName: `${MAX_EXPORT_TARGETS + 4}.mp4` });
    expect((JSON.parse(readFileSync(join(root, 'data', 'studio-settings.json'), 'utf8')) as { layout: unknown }).layout).toEqual({ timelineHeightPx: 300 });
    writeFileSync(join(root, 'data', 'studio-settings.json'), '{ damaged');
    expect(await store.get()).toEqual({ recentFolders: [], exportTargets: {}, layout: {} });
  });
});
