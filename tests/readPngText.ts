// Reading a PNG's tEXt chunks back (the page only writes them: src/panels/pngText.ts), for the
// tests that check a panel's PNG carries its share link.
/** The tEXt chunks of a PNG as keyword → text. */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'tEXt') {
      const body = String.fromCharCode(...png.subarray(at + 8, at + 8 + length));
      const split = body.indexOf('\0');
      if (split > 0) out[body.slice(0, split)] = body.slice(split + 1);
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return out;
}
