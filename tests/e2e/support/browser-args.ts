/**
 * How the e2e Chromium runs, as Chromium does on a machine without a GPU: WebGL2 (the 3D viewport)
 * on SwiftShader, the page composited in software. Compositing through SwiftShader as well redraws
 * the whole window in emulated GL for every frame (about 20 ms of a core at 1440x900, whatever
 * changed), which no user's browser does; software compositing redraws what changed.
 */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu-compositing',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
