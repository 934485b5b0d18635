// Reads a QR code the way a phone's camera would: from the pixels the
// browser renders, decoded by jsQR (npm), not by the library that drew it.
import assert from "node:assert/strict";
import jsQR from "jsqr";

/** Waits until the <img> at `locator` has loaded; fails if it cannot load. */
export async function imageLoaded(locator) {
  await locator.evaluate((img) => new Promise((resolve, reject) => {
    const failed = () => reject(new Error(`the image ${img.src} did not load`));
    if (img.complete) return img.naturalWidth > 0 ? resolve() : failed();
    img.addEventListener("load", () => resolve(), { once: true });
    img.addEventListener("error", failed, { once: true });
  }));
}

/** The text of the QR code shown by the <img> at `locator`. */
export async function decodeQrImage(locator) {
  await imageLoaded(locator);
  // Drawn at 400 px on white with a white margin, as a screen shows it.
  const { width, height, rgba } = await locator.evaluate((img) => {
    const size = 400;
    const margin = 40;
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = size + 2 * margin;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, margin, margin, size, size);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = "";
    for (let i = 0; i < data.length; i += 8192) binary += String.fromCharCode(...data.subarray(i, i + 8192));
    return { width: canvas.width, height: canvas.height, rgba: btoa(binary) };
  });
  const pixels = new Uint8ClampedArray(Buffer.from(rgba, "base64"));
  assert.equal(pixels.length, width * height * 4);
  const code = jsQR(pixels, width, height);
  assert.ok(code, "the image holds a readable QR code");
  return code.data;
}
