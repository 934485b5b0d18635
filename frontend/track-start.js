// How the track app starts, after start.js (scripts/build.sh writes both
// into /pkg/track-start.js). A case's page, /track#no=…&code=… (the
// receipt's QR code), asks the Worker for that case's first screen while
// the look-up form is painted, puts it in the form's place, and only then
// fetches the app, which reads the look-up's answer from it
// (backend/src/shell/first_screen/track.rs): on a slow line the progress no
// longer waits for the wasm (issue 14). The code goes in the body, as the
// fragment keeps it out of every URL.
const first = document.getElementById("first-screen");
const asked = new URLSearchParams(location.hash.slice(1));
const [no, code] = [asked.get("no"), asked.get("code")];
if (!first) start();
else if (!no || !code || asked.get("new") === "1") later();
else
  fetch("/track", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ no, code }) })
    .then(async (answer) => {
      // Else the app looks up itself (a failure, or a malformed request).
      if (!answer.headers.get("Content-Type")?.startsWith("text/html")) return;
      const html = await answer.text();
      // Not over a field the reader has started on.
      if (!first.contains(document.activeElement)) first.outerHTML = html;
    })
    .catch(() => {})
    .finally(later);
