import type { ChildProcessByStdio } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { expect as baseExpect, test as base } from '@playwright/test';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
const WEB_HOST_JS = join(REPO_ROOT, 'dist', 'main', 'web-host.js');
const RENDERER_HTML = join(REPO_ROOT, 'dist', 'renderer', 'index.html');
const URL_LINE = /AniPortrait Studio web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9A-Za-z_-]+))/;
const START_TIMEOUT_MS = 20_000;

export interface WebHost {
  /** The URL the host printed, token included. */
  readonly url: string;
  readonly token: string;
  /** Same page with another token. */
  urlWithToken(token: string): string;
}

/**
 * Outcomes here wait on real services (ffmpeg probes, file copies) on machines that may be busy
 * with other jobs; Playwright's default 5 s made the round trip flaky under load.
 */
export const expect = baseExpect.configure({ timeout: 20_000 });

interface Fixtures {
  /** On failure, attaches a screenshot, the status bar and toasts (what a user would have seen) and the browser console. */
  readonly failureEvidence: void;
  /** A fresh temp folder per test (data dir, generated media, saved projects), removed afterwards. */
  readonly scratchDir: string;
  /** `node dist/main/web-host.js --port 0` with its own ANIPORTRAIT_DATA_DIR, stopped after the test. */
  readonly webHost: WebHost;
}

export const test = base.extend<Fixtures>({
  // Playwright reads fixture dependencies from the destructuring pattern, so it must be there.
  // eslint-disable-next-line no-empty-pattern
  scratchDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'aniportrait-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  failureEvidence: [
    // Depends on webHost so it runs before the host stops: the evidence shows the failure, not the teardown.
    async ({ page, webHost: _webHost }, use, testInfo) => {
      const browserLog: string[] = [];
      page.on('console', (message) => browserLog.push(`${new Date().toISOString()} ${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => browserLog.push(`${new Date().toISOString()} page error: ${error.message}`));
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      await testInfo.attach('browser-console.txt', { body: browserLog.join('\n'), contentType: 'text/plain' });
      await page.screenshot({ path: testInfo.outputPath('failure.png') });
      await testInfo.attach('screen.png', { path: testInfo.outputPath('failure.png'), contentType: 'image/png' });
      const messages = await page.locator('[data-testid="status-bar"], [data-testid="toast"], [data-testid="connection-banner"]').allInnerTexts();
      await testInfo.attach('messages.txt', { body: messages.join('\n'), contentType: 'text/plain' });
    },
    { auto: true },
  ],

  webHost: async ({ scratchDir }, use, testInfo) => {
    for (const file of [WEB_HOST_JS, RENDERER_HTML]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests.`);
    }
    const child = spawn(process.execPath, [WEB_HOST_JS, '--port', '0'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ANIPORTRAIT_DATA_DIR: join(scratchDir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      const { url, token } = await waitForUrl(child, () => log);
      await use({ url, token, urlWithToken: (other) => url.replace(`token=${token}`, `token=${encodeURIComponent(other)}`) });
    } finally {
      await stop(child);
      if (log !== '') await testInfo.attach('web-host.stderr', { body: log, contentType: 'text/plain' });
    }
  },
});


function waitForUrl(child: ChildProcessByStdio<null, Readable, Readable>, stderr: () => string): Promise<{ url: string; token: string }> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(`printed no URL within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`The web host ${why}.\nstdout:\n${stdout}\nstderr:\n${stderr()}`));
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = URL_LINE.exec(stdout);
      if (match !== null) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], token: match[2] });
      }
    });
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.once('error', (error) => fail(`could not start: ${error.message}`));
  });
}

async function stop(child: ChildProcessByStdio<null, Readable, Readable>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
