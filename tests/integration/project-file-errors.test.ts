// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { studioServices } from '../helpers/studio-caller.js';
import type { Result } from '../../src-shared/util/result.js';

let root: string;
let open: (path: string) => Promise<Result<{ document: { name: string } }>>;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aniportrait-project-errors-'));
  const { call } = studioServices({ root, host: 'cli' });
  open = (path) => call('project:open', { path });
});

const good = readFileSync(join(__dirname, '..', 'fixtures', 'projects', 'v2-full.json'), 'utf8');

function project(name: string, content: string | Buffer): string {
  const dir = join(root, `${name}.aniproj`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'project.json'), content);
  return dir;
}

/** What a user reads when a project file is damaged, odd or hostile. */
describe('opening damaged project files', () => {
  it('says "truncated" for a file cut anywhere mid-way', async () => {
    for (const fraction of [0.1, 0.33, 0.5, 0.77, 0.95]) {
      const cut = good.slice(0, Math.floor(good.length * fraction));
      const result = await open(project(`cut-${fraction}`, cut));
      expect(!result.ok && result.error, `cut at ${fraction}`).toMatchObject({ code: 'truncated-project', message: expect.stringMatching(/is cut off \(truncated\)/) as unknown });
    }
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const result = await open(project('bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)])));
    expect(result.ok && result.value.document.name).toBe((JSON.parse(good) as { name: string }).name);
  });

  it('never quotes the file: a project.json linked to a secret file does not print its bytes', async () => {
    const secret = join(root, 'shadow');
    writeFileSync(secret, 'root:$6$SECRETHASH:19000:0:99999:7:::\n');
    const dir = join(root, 'linked.aniproj');
    mkdirSync(dir);
    symlinkSync(secret, join(dir, 'project.json'));
    const result = await open(dir);
    expect(!result.ok && result.error.code).toBe('malformed-project');
    expect(!result.ok && result.error.message).toMatch(/project\.json" is not valid JSON \(at line 1, column 1\)\. Restore it from a backup or its autosave\./);
    expect(!result.ok && result.error.message).not.toMatch(/root|SECRET|\$6\$/);
  });

  it('refuses a project.json larger than 16 MiB, without reading it all', async () => {
    const huge = `{"pad":"${'x'.repeat(17 * 1024 * 1024)}"}`;
    const result = await open(project('huge', huge));
    expect(!result.ok && result.error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/project\.json" is 17\.0 MiB; a project file is at most 16 MiB/) as unknown });
  });
});
