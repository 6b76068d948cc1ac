import { defineConfig } from '@playwright/test';

/** Browser e2e runs the built renderer in Debian's Chromium through the web host. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // As Chromium runs on a machine without a GPU: WebGL2 (the 3D viewport) on SwiftShader, the
      // page composited in software. Compositing through SwiftShader as well redraws the whole
      // window in emulated GL for every frame (about 20 ms of a core at 1440x900, whatever
      // changed), which no user's browser does; software compositing redraws what changed.
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-gl=angle',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-gpu-compositing',
      ],
    },
    viewport: { width: 1440, height: 900 },
  },
});
