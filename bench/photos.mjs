// Bytes uploaded for a five-photo application from a phone, before and
// after the form scales camera photos (issue 14). Headless Chromium chooses
// five generated 4000×3000 camera photos (3–8 MB each) on the real form; the
// request body the browser sends is "after"; "before" is the same request
// (its form, names and order) with the photos as taken, as the form sent
// them before it scaled them. Prints figures; asserts nothing.
import { randomUUID } from "node:crypto";
import { launch, phonePage } from "../tests/support/browser.mjs";
import { matterByName } from "../tests/support/cases.mjs";
import { cameraPhoto, fillFoodForm } from "../tests/support/photos.mjs";

const base = process.env.BASE_URL;
const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
const browser = await launch();
const matter = await matterByName("食品经营许可（新办）");
const required = matter.materials.filter((m) => m.required);
const photos = [];
for (let seed = 1; seed <= 5; seed++) photos.push({ name: `photo-${seed}.jpg`, mimeType: "image/jpeg", buffer: await cameraPhoto(browser, { seed }) });

const phone = await phonePage(browser);
// The body the form hands to XMLHttpRequest, kept for measuring; the request
// itself is refused as if offline, so the bench makes no case.
await phone.addInitScript(() => {
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body) {
    window.sentBody = body;
    return send.call(this, body);
  };
});
await phone.route(`${base}/api/applications`, (route) => route.abort("internetdisconnected"));
await fillFoodForm(phone, matter, `示范县五照片餐饮有限公司-${randomUUID().slice(0, 8)}`);
// The photos spread over the required materials (the food licence asks for five).
for (const [i, m] of required.entries()) {
  const files = photos.filter((_, p) => p % required.length === i);
  await phone.locator(`#material-${m.id}`).setInputFiles(files);
  await phone.locator(`#material-${m.id}`).locator("xpath=..").locator("ul.chosen li").nth(files.length - 1).waitFor();
}
await phone.getByRole("button", { name: "提交申请" }).click();
await phone.getByText(/申请已保存在本机/).waitFor();
// Chromium's own encoding of the body it sent, and the files in it.
const { after, files } = await phone.evaluate(async () => ({
  after: (await new Response(window.sentBody).arrayBuffer()).byteLength,
  files: [...window.sentBody].filter(([, v]) => typeof v !== "string").map(([, v]) => ({ name: v.name, size: v.size })),
}));
// The same request with the photos as taken: the framing depends only on the
// fields' and files' names and types, which scaling keeps.
const original = photos.reduce((n, p) => n + p.buffer.length, 0);
const before = after - files.reduce((n, f) => n + f.size, 0) + original;
console.log(`five camera photos (4000×3000): ${photos.map((p) => mb(p.buffer.length)).join(", ")}`);
console.log(`as sent: ${files.map((f) => `${f.name} ${mb(f.size)}`).join(", ")}`);
console.log(`request body before (photos as taken): ${before} bytes (${mb(before)})`);
console.log(`request body after (scaled in the browser): ${after} bytes (${mb(after)}), ${((100 * after) / before).toFixed(1)}% of before`);
await browser.close();
