// The page's Content-Security-Policy (docs/deploy.md#content-security-policy): vite.config.ts writes it
// into the built index.html as a <meta http-equiv>, tests/e2e/csp.test.ts checks that the page
// runs under it without a violation. Not applied to `npm run dev` (Vite's dev server needs an
// inline React Refresh preamble and a WebSocket).
//   script-src 'wasm-unsafe-eval': WebAssembly.compile/instantiate (the WebAssembly CPU engine), not eval
//   worker-src 'self': the CPU engine's module worker is a file of the bundle (no blob: workers)
//   style-src 'self': React's style props go through the CSSOM, which CSP allows; no inline <style>
//   img-src data: blob:: a panel's PNG export draws its SVG through a data: image
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
