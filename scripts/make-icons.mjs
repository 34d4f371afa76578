#!/usr/bin/env node
// Draws the add-in icons into assets/ with pngjs only (no image tools needed).
// 绘制加载项图标（仅依赖 pngjs），输出到 assets/。
//
//   node scripts/make-icons.mjs            writes assets/icon-{16,32,64,80,128}.png
//   node scripts/make-icons.mjs --preview  also writes assets/../test-artifacts/icon-preview.png
//
// The design: a deep-teal rounded square holding a white table (solid header bar, ruled rows,
// one column rule) with a warm amber check badge in the lower right corner. Every size is laid
// out on its own pixel grid (edges snapped to whole pixels so 16 px stays crisp) and rendered with
// 8×8 supersampling, then averaged down (anti-aliasing).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SIZES = [16, 32, 64, 80, 128];
const SS = 8; // supersampling factor per axis

const TEAL_TOP = [0x13, 0x80, 0x6a];
const TEAL_BOTTOM = [0x0b, 0x5c, 0x4c];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xf5, 0xa6, 0x23];
const CHECK = [0xff, 0xff, 0xff];
const CHECK_SMALL = [0x0a, 0x4a, 0x3e]; // dark check at 16 px: white on amber blurs

const clamp01 = (v) => Math.min(1, Math.max(0, v));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

function inRoundRect(x, y, r) {
  const [x0, y0, x1, y1, rad] = r;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + rad), x1 - rad);
  const cy = Math.min(Math.max(y, y0 + rad), y1 - rad);
  return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp01(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Layout in pixels for one icon size; edges of the table snap to the pixel grid. */
function layout(size) {
  const px = (f) => Math.round(f * size);
  const small = size <= 16;
  const line = small ? 1 : Math.max(1, Math.round(size / 28)); // rule thickness
  const border = small ? 1 : Math.max(1, Math.round(size / 22)); // table outline thickness
  const bg = [0, 0, size, size, Math.max(2, size * 0.2)];
  const t = {
    x0: px(small ? 0.1875 : 0.17),
    y0: px(small ? 0.1875 : 0.19),
    x1: px(small ? 0.8125 : 0.83),
    y1: px(small ? 0.8125 : 0.79),
  };
  const headerH = small ? 4 : Math.round((t.y1 - t.y0) * 0.26);
  const rows = small ? 1 : size >= 64 ? 3 : 2; // row rules below the header
  const bodyTop = t.y0 + headerH;
  const rowRules = [];
  // Equal cell heights between the header and the bottom border.
  const cellH = (t.y1 - border - bodyTop - rows * line) / (rows + 1);
  for (let i = 1; i <= rows; i++) {
    const y = Math.round(bodyTop + i * cellH + (i - 1) * line);
    rowRules.push([t.x0, y, t.x1, y + line]);
  }
  const colX = Math.round(t.x0 + (t.x1 - t.x0) * 0.38);
  const badge = {
    cx: size * (small ? 0.715 : 0.745),
    cy: size * (small ? 0.715 : 0.745),
    r: size * (small ? 0.255 : 0.2),
  };
  badge.ring = badge.r + (small ? 0.8 : Math.max(1, size * 0.045));
  return {
    bg,
    table: t,
    radius: small ? 0 : Math.max(1, size * 0.04),
    border,
    headerH,
    rowRules,
    colRule: [colX, bodyTop, colX + line, t.y1],
    badge,
    checkW: small ? 1.9 : Math.max(1.7, size * 0.055),
    checkColor: small ? CHECK_SMALL : CHECK,
  };
}

/** Colour (RGBA 0..255, straight alpha) of one sample point in pixel coordinates. */
function sample(L, size, x, y) {
  if (!inRoundRect(x, y, L.bg)) return [0, 0, 0, 0];
  let c = mix(TEAL_TOP, TEAL_BOTTOM, y / size);
  const { x0, y0, x1, y1 } = L.table;
  const inTable = inRoundRect(x, y, [x0, y0, x1, y1, L.radius]);
  const inInner = inRoundRect(x, y, [
    x0 + L.border,
    y0 + L.border,
    x1 - L.border,
    y1 - L.border,
    Math.max(0, L.radius - L.border),
  ]);
  if (inTable) {
    const inHeader = y < y0 + L.headerH;
    const onRule =
      L.rowRules.some(([a, b, c2, d]) => x >= a && x < c2 && y >= b && y < d) ||
      (x >= L.colRule[0] && x < L.colRule[2] && y >= L.colRule[1] && y < L.colRule[3]);
    if (inHeader || !inInner || onRule) c = WHITE;
    else c = mix(c, WHITE, 0.12); // a faint paper tint inside the cells
  }
  const { cx, cy, r, ring } = L.badge;
  const d = Math.hypot(x - cx, y - cy);
  if (d <= ring && d > r) c = mix(TEAL_TOP, TEAL_BOTTOM, y / size); // cut-out ring
  if (d <= r) {
    c = AMBER;
    const s = r / 10;
    const dc = Math.min(
      distToSegment(x, y, cx - 4.6 * s, cy + 0.2 * s, cx - 1.3 * s, cy + 3.6 * s),
      distToSegment(x, y, cx - 1.3 * s, cy + 3.6 * s, cx + 4.8 * s, cy - 3.4 * s),
    );
    if (dc <= L.checkW / 2) c = L.checkColor;
  }
  return [c[0], c[1], c[2], 255];
}

/** Renders one icon; returns a pngjs PNG. */
export function renderIcon(size) {
  const L = layout(size);
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const s = sample(L, size, px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
          const alpha = s[3] / 255;
          r += s[0] * alpha;
          g += s[1] * alpha;
          b += s[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return png;
}

/** Nearest-neighbour magnified sheet of all sizes on a light background, for eyeballing. */
function previewSheet(icons, zoom) {
  const pad = 8;
  const width = icons.reduce((w, p) => w + p.width * zoom + pad, pad);
  const height = Math.max(...icons.map((p) => p.height * zoom)) + 2 * pad;
  const out = new PNG({ width, height });
  out.data.fill(0xf3);
  let ox = pad;
  for (const p of icons) {
    for (let y = 0; y < p.height * zoom; y++) {
      for (let x = 0; x < p.width * zoom; x++) {
        const si = (Math.floor(y / zoom) * p.width + Math.floor(x / zoom)) * 4;
        const di = ((y + pad) * width + x + ox) * 4;
        const a = p.data[si + 3] / 255;
        for (let k = 0; k < 3; k++)
          out.data[di + k] = Math.round(p.data[si + k] * a + 0xf3 * (1 - a));
        out.data[di + 3] = 255;
      }
    }
    ox += p.width * zoom + pad;
  }
  return out;
}

function main() {
  const outDir = path.join(ROOT, 'assets');
  fs.mkdirSync(outDir, { recursive: true });
  const icons = [];
  for (const size of ICON_SIZES) {
    const png = renderIcon(size);
    icons.push(png);
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
    console.log(`写入 / wrote ${path.relative(ROOT, file)} (${size}×${size})`);
  }
  if (process.argv.includes('--preview')) {
    const dir = path.join(ROOT, 'test-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    const zoomArg = process.argv.find((a) => a.startsWith('--zoom='));
    const zoom = zoomArg ? Number(zoomArg.slice(7)) : 4;
    const file = path.join(dir, 'icon-preview.png');
    fs.writeFileSync(file, PNG.sync.write(previewSheet(icons.slice(0, 4), zoom)));
    console.log(`预览 / preview ${path.relative(ROOT, file)}`);
  }
}

main();
