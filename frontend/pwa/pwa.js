// The applicant apps' offline notice and their service worker's
// registration (frontend/pwa/sw.js): plain JS loaded by each applicant
// app's start script once its wasm has started (scripts/build.sh), so it
// adds nothing to the wasm and does not compete with it for the line.
//
// The notice is one live region (role="status") at the foot of the screen:
// it says what still works while offline, what happens to a submission, and
// when a copy shown was saved (the service worker says when it answered from
// its cache). Empty, and so invisible, while online.
const sw = navigator.serviceWorker;
const bar = document.createElement("p");
bar.className = "offline";
bar.setAttribute("role", "status");
document.body.append(bar);
// When the oldest copy shown on this page was saved (ISO time), if any.
let saved = "";
const show = () => {
  const when = saved && new Date(saved).toLocaleString("zh-CN", { month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  bar.textContent = navigator.onLine && !saved ? "" :
    "当前处于离线状态：已打开过的事项列表和办事指南仍可查看，查询办件进度需要联网；提交的申请会先保存在本手机上，恢复网络后自动发送。" +
    (when ? `当前显示的是 ${when} 时保存的内容。` : "");
};
addEventListener("offline", show);
addEventListener("online", () => { saved = ""; show(); });
show();

if (sw) {
  const controller = sw.controller;
  sw.addEventListener("message", ({ data }) => {
    if (data.saved && (!saved || data.saved < saved)) {
      saved = data.saved;
      show();
    }
  });
  // Refused (a private window in some browsers): the pages work as before.
  sw.register("/sw.js").catch(() => {});
  sw.ready.then(({ active }) =>
    // A page the worker answered: did it answer from its cache? A first
    // visit, before the worker: it keeps this page and what it read.
    controller
      ? controller.postMessage("saved?")
      : active.postMessage({ keep: [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)] }),
  );
}
