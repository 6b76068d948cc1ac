import { defineConfig } from '@playwright/test';
import { BROWSER_ARGS, CHROMIUM_PATH } from './tests/e2e/support/browser-args';

/** Browser e2e runs the built renderer in Debian's Chromium through the web host. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...BROWSER_ARGS] },
    viewport: { width: 1440, height: 900 },
  },
});
