// A PNG tEXt chunk (keyword + Latin-1 text) inserted after IHDR, and read back: exported panels
// carry the configuration stamp as data, not only as pixels. PNG spec §11.3.4.3; CRC-32 per §5.5.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Length of the 8-byte signature plus the IHDR chunk (4 length + 4 type + 13 data + 4 CRC). */
const AFTER_IHDR = 8 + 25;

/** `png` with a tEXt chunk `keyword`=`text` after IHDR (non-Latin-1 characters become '?'). */
export function withPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  const body = `${keyword}\0${text}`;
  const data = new Uint8Array(4 + body.length);
  data.set([0x74, 0x45, 0x58, 0x74]); // "tEXt"
  for (let i = 0; i < body.length; i++) { const c = body.charCodeAt(i); data[4 + i] = c < 256 ? c : 63; }
  const chunk = new Uint8Array(12 + body.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, body.length);
  chunk.set(data, 4);
  view.setUint32(8 + body.length, crc32(data));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, AFTER_IHDR));
  out.set(chunk, AFTER_IHDR);
  out.set(png.subarray(AFTER_IHDR), AFTER_IHDR + chunk.length);
  return out;
}
