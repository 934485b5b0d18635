// Each app's start script, its names filled in by scripts/build.sh
// (/pkg/APP-start.js): a file, so the HTML carries no inline script. Then
// comes how it starts: a frame after the first screen the Worker served
// (backend/src/shell/first_screen) has been painted, so the app takes none
// of the bandwidth that paint needs (issue 14), or at once without one;
// the track app first asks for a case's first screen (track-start.js).
const start = () =>
  import("__APP_JS__")
    .then((app) => app.default({ module_or_path: "__APP_WASM__" }))
    .catch(failed)__PWA_START__;

// In a tab not shown no frame comes: at once there.
const later = () => (document.hidden ? start() : requestAnimationFrame(() => setTimeout(start)));

// The app could not be fetched (the line dropped): say so at the top of
// what the reader sees, with a way to try again.
function failed() {
  const note = document.createElement("div");
  note.setAttribute("role", "alert");
  const text = document.createElement("p");
  text.className = "error";
  text.textContent = "页面未能加载完成，请检查网络连接后重新加载。";
  const again = document.createElement("button");
  again.type = "button";
  again.textContent = "重新加载";
  again.addEventListener("click", () => location.reload());
  note.append(text, again);
  (document.querySelector("#first-screen main") ?? document.body).prepend(note);
}
