// The applicants' service worker, published at /sw.js (scope /) by
// scripts/build.sh with this build's version and asset list in place of the
// placeholders; registered by frontend/pwa/pwa.js. ARCHITECTURE.md
// ("Offline") says what it keeps and why.
//
// - This build's scripts, wasm and styles (their URLs carry a content hash):
//   precached on install, then answered from the cache.
// - Applicant pages: from the network, a copy kept; offline, the copy.
// - The public catalogue's API answers (departments, matters, a matter's
//   guide): the same, but a copy is only ever served offline and marked as
//   such (header X-Offline-Saved, and the page is told, so its notice says
//   when the copy was saved). Every other API request, every write and every
//   staff page goes to the network as if there were no worker.
const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
// Shells name this build's assets: pages are replaced with the build.
const STATIC = `static-${VERSION}`;
const PAGES = `pages-${VERSION}`;
// Catalogue answers do not depend on the build: kept across builds.
const DATA = "data";
// The list unfiltered or by department, and a guide: a bounded set (a
// search's answers are not kept).
const catalogue = (url) => /^\/api\/(departments|matters)(\/\d+)?$/.test(url.pathname) && /^(\?department=\d+)?$/.test(url.search);
const SAVED = "X-Offline-Saved";
// The rest of the API, the staff's pages, Open311: the network's, untouched.
const untouched = (url) => /^\/(staff|api|open311|cdn-cgi)(\/|$)/.test(url.pathname);

self.addEventListener("install", (event) => {
  // The catalogue, and the form's and tracking's shells (the same for every
  // URL of their app), so that each opens offline whichever page came first:
  // a guide's "在线申请" offline opens the form.
  const shells = () => Promise.all(["/", "/apply/", "/track"].map((path) => keep(new URL(path, location))));
  event.waitUntil(caches.open(STATIC).then((c) => c.addAll(ASSETS)).then(shells).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => ![STATIC, PAGES, DATA].includes(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (catalogue(url)) {
    if (request.mode !== "navigate") event.respondWith(networkFirst(event, DATA, url.href, event.clientId));
    return;
  }
  if (untouched(url)) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(event, PAGES, pageKey(url), event.resultingClientId));
  } else if (url.searchParams.has("v")) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
  }
});

// Which cached copy a page URL reads offline. A page the Worker serves with
// a first screen of its own (backend/src/shell/first_screen: the catalogue
// `/`, a guide, a form, tracking, the hotline's and complaints' forms) is
// kept under its own URL: a guide's copy carries that matter's data, and
// must never stand in for another's. Any other URL of an app is kept once,
// as its app's shell, which shows the page the URL names.
// By path alone, as the Worker decides (a guide shared as
// `/matters/3?from=…` is still matter 3's page); `/` with a search is not.
const ownPage = (url) => /^\/((matters|apply)\/\d+|track|hotline|complaints)$/.test(url.pathname) || (url.pathname === "/" && !url.search);
function pageKey(url) {
  if (ownPage(url)) return new URL(url.pathname, location).href;
  const app = url.pathname.startsWith("/apply/") ? "apply" : url.pathname === "/track" ? "track" : "app";
  return new URL(`/?shell=${app}`, location).href;
}

// Offline, a page never kept opens from its app's shell (a catalogue page
// from the catalogue's own copy, whose app shows the page the URL names).
async function fallback(cache, url) {
  const shell = pageKey(new URL(url.pathname.replace(/\d+$/, ""), location));
  return (await cache.match(shell)) ?? (await cache.match(new URL("/", location).href));
}

// A guide kept keeps its form too (the same matter's data): its "在线申请"
// opens offline.
function formOf(url) {
  const guide = url.pathname.match(/^\/matters\/(\d+)$/);
  return guide && new URL(`/apply/${guide[1]}`, location);
}

// What `client` was shown from the cache: the oldest copy's time, asked
// for by the page's notice once it has loaded.
const shown = new Map();

async function networkFirst(event, cacheName, key, client) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(event.request);
    if (kept(response)) {
      event.waitUntil(put(cache, key, response.clone()));
      const form = cacheName === PAGES && formOf(new URL(event.request.url));
      if (form) event.waitUntil(keep(form).catch(() => {}));
    }
    return response;
  } catch (offline) {
    const copy = (await cache.match(key)) ?? (cacheName === PAGES && (await fallback(cache, new URL(event.request.url))));
    if (!copy) throw offline;
    tell(client, copy.headers.get(SAVED));
    return copy;
  }
}

// Only a page or a catalogue answer as the app reads it (never an error,
// which would stand in for a good copy).
const kept = (response) => response.ok && /^(text\/html|application\/json)/.test(response.headers.get("Content-Type") ?? "");

async function put(cache, key, response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED, new Date().toISOString());
  await cache.put(key, new Response(await response.blob(), { status: response.status, headers }));
}

function tell(client, saved) {
  if (!saved) return;
  const before = shown.get(client);
  if (!before || saved < before) shown.set(client, saved);
  self.clients.get(client).then((c) => c?.postMessage({ saved }));
}

// Fetches a URL the way a page would and keeps it, unless a copy is kept.
async function keep(url) {
  if (url.origin !== location.origin) return;
  const [cacheName, key] = catalogue(url) ? [DATA, url.href] : untouched(url) ? [] : [PAGES, pageKey(url)];
  if (!cacheName) return;
  const cache = await caches.open(cacheName);
  if (await cache.match(key)) return;
  const response = await fetch(url);
  if (kept(response)) await put(cache, key, response);
}

self.addEventListener("message", (event) => {
  const { data, source } = event;
  if (data === "saved?") {
    const saved = shown.get(source.id);
    shown.delete(source.id);
    if (saved) source.postMessage({ saved });
  } else if (Array.isArray(data?.keep)) {
    // A first visit, before this worker answered: the page and the
    // catalogue answers it read (its other resources are not kept).
    const [page, ...read] = data.keep.map((u) => new URL(u));
    const urls = [page, formOf(page), ...read.filter(catalogue)].filter(Boolean);
    event.waitUntil(Promise.all(urls.map((u) => keep(u).catch(() => {}))));
  }
});
