// Draws the installable app's icons (frontend/icons/, listed in
// frontend/manifest.webmanifest): a red seal with a white ring and a
// five-pointed star, in the theme colour of frontend/index.html. No image
// library: each pixel is sampled 4×4 times and written as a plain PNG.
// Run `node scripts/icons.mjs` after changing the drawing; the PNGs are
// committed, so a build needs nothing but this repository.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync, crc32 } from "node:zlib";

const RED = [0x8b, 0x1a, 0x1a];
const WHITE = [0xff, 0xff, 0xff];

/** Is (x, y), in units of the icon's side (centre 0.5, 0.5), inside a star of outer radius r? */
function inStar(x, y, r) {
  // The star as five triangles about its centre: a point is inside when,
  // in its 72° sector, it lies under the edge from an outer to an inner vertex.
  const dx = x - 0.5, dy = 0.5 - y;
  const inner = r * 0.382;
  let a = Math.atan2(dx, dy); // 0 points up
  const sector = (2 * Math.PI) / 5;
  a = ((a % sector) + sector) % sector;
  if (a > sector / 2) a = sector - a; // mirror: 0 (tip) … 36° (valley)
  const d = Math.hypot(dx, dy);
  const px = d * Math.sin(a), py = d * Math.cos(a);
  // Edge from the tip (0, r) to the valley (inner·sin36°, inner·cos36°).
  const vx = inner * Math.sin(sector / 2), vy = inner * Math.cos(sector / 2);
  return px * (vy - r) - (py - r) * vx >= 0;
}

/**
 * The colour at (x, y) or null (transparent). `bleed`: the maskable icon
 * fills its square, and keeps the seal within the safe circle (80 % of the
 * side) that every launcher's mask leaves visible.
 */
function colourAt(x, y, bleed) {
  const scale = bleed ? 0.8 : 1;
  const d = Math.hypot(x - 0.5, y - 0.5) / scale;
  if (d <= 0.47) {
    if (d >= 0.39 && d <= 0.43) return WHITE;
    if (inStar(0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale, 0.3)) return WHITE;
    return RED;
  }
  return bleed ? RED : null;
}

function draw(size, bleed) {
  const n = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, bleed);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = 1 + px * 4;
      if (a) { row[o] = Math.round(r / a); row[o + 1] = Math.round(g / a); row[o + 2] = Math.round(b / a); }
      row[o + 3] = Math.round((a / (n * n)) * 255);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function png(size, raw) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = new URL("../frontend/icons/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("icon-192.png", out), draw(192, false));
writeFileSync(new URL("icon-512.png", out), draw(512, false));
writeFileSync(new URL("maskable-512.png", out), draw(512, true));
