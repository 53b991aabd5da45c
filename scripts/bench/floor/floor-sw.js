// The floor page's service worker: precaches what the page loaded on its first visit and serves
// it cache-first, like the app's worker does for the app.
const CACHE = 'floor-v1';
self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch('/floor-manifest.json')
      .then((r) => r.json())
      .then((urls) => caches.open(CACHE).then((c) => c.addAll(urls)))
      .then(() => self.skipWaiting()),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const key = url.pathname === '/' ? '/index.html' : url.pathname;
  event.respondWith(caches.match(key).then((hit) => hit ?? fetch(event.request)));
});
