// The Chromium that the e2e suite, the bench and `npm run figures` drive: Debian's (or
// CHROMIUM_PATH), headless, with WebGPU on (SwiftShader's Vulkan when the machine has no GPU).
// Compositing and 2D canvases in software, as Chromium does on a machine without a usable GPU:
// compositing through SwiftShader's GL instead took the CPU from everything else, and a page
// training on the CPU engine drew 1-4 frames in 5 s on 2 cores (about 60 frames/s with these two flags,
// measured in docs/development.md#software-compositing). The engines' WebGPU is unaffected.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox', '--headless=new', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
  '--use-angle=swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-gpu-compositing', '--disable-accelerated-2d-canvas',
];
