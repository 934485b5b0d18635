// Photos as a phone camera makes them, for the form's upload tests and the
// bench: made by Chromium's own JPEG encoder, with grain so they weigh
// what a camera's do (4000×3000 at quality 0.92: about 5.6 MB).
import assert from "node:assert/strict";
import { BASE_URL } from "./http.mjs";
import { appStarted } from "./browser.mjs";

/** A `width`×`height` JPEG (or `type`) with text and grain (`seed` varies the grain). */
export async function cameraPhoto(browser, { width = 4000, height = 3000, seed = 1, grain = 24, type = "image/jpeg" } = {}) {
  const page = await browser.newPage();
  try {
    const base64 = await page.evaluate(async ({ width, height, seed, grain, type }) => {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext("2d");
      const light = g.createLinearGradient(0, 0, width, height);
      light.addColorStop(0, "#c96");
      light.addColorStop(1, "#369");
      g.fillStyle = light;
      g.fillRect(0, 0, width, height);
      g.fillStyle = "#222";
      g.font = `${Math.round(height / 19)}px sans-serif`;
      for (let y = height / 10; y < height; y += height / 7) g.fillText("营业执照 统一社会信用代码 91350100M000100Y43", width / 20, y);
      const pixels = g.getImageData(0, 0, width, height);
      const d = pixels.data;
      let s = seed;
      for (let i = 0; i < d.length; i += 4) {
        s = (s * 1103515245 + 12345) >>> 0;
        const r = ((s >>> 16) % (2 * grain)) - grain;
        d[i] += r;
        d[i + 1] += r;
        d[i + 2] += r;
      }
      g.putImageData(pixels, 0, 0);
      const blob = await canvas.convertToBlob({ type, quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = "";
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    }, { width, height, seed, grain, type });
    return Buffer.from(base64, "base64");
  } finally {
    await page.close();
  }
}

/** A JPEG's width and height, read from its frame header (SOF0–SOF15 less DHT/JPG/DAC). */
export function jpegSize(bytes) {
  assert.ok(bytes[0] === 0xff && bytes[1] === 0xd8, "a JPEG");
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) { i++; continue; }
    const marker = bytes[i + 1];
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  assert.fail("no frame header in the JPEG");
}

/** Opens the food licence's form on `phone` and fills it in for applicant `name`. */
export async function fillFoodForm(phone, matter, name) {
  await phone.goto(`${BASE_URL}/apply/${matter.id}`);
  await appStarted(phone);
  await phone.getByLabel("单位（企业、社会组织）").check();
  await phone.getByLabel("单位名称").fill(name);
  await phone.getByLabel("统一社会信用代码（18位）").fill("91350100M000100Y43");
  await phone.getByLabel("手机号码").fill("13800138000");
  await phone.getByLabel("联系地址").fill("示范县城关镇人民路1号");
  await phone.getByLabel("经营场所", { exact: true }).fill("人民路1号");
  await phone.getByLabel(/主体业态/).fill("餐饮服务");
  await phone.getByLabel(/同意提供这些信息/).check();
}
