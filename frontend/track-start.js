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
// Whether the reader has started on the form: then its markup stays.
const inUse = () =>
  first.contains(document.activeElement) || [...first.querySelectorAll("input")].some((i) => i.value !== i.defaultValue);
if (!first) start();
else if (!no || !code || asked.get("new") === "1") later();
else
  fetch("/track", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ no, code }),
    // A stalled line does not keep the app from starting.
    signal: AbortSignal.timeout?.(8000),
  })
    .then(async (answer) => {
      const html = await answer.text();
      // Only the Worker's answer (not a proxy's or a platform's error page);
      // else the app looks up itself.
      if (!html.startsWith('<div id="first-screen">')) return;
      const got = document.createElement("template");
      got.innerHTML = html;
      // The look-up's answer goes to the app in any case: it counted
      // against the throttle once already.
      if (inUse()) document.body.append(got.content.getElementById("track-answer"));
      else first.replaceWith(got.content);
    })
    .catch(() => {})
    .finally(later);
