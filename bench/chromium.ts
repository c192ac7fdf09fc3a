// The Chromium that the e2e suite, the bench and `npm run figures` drive: Debian's (or
// CHROMIUM_PATH), headless, with WebGPU on (SwiftShader's Vulkan when the machine has no GPU).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox', '--headless=new', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
  '--use-angle=swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];
