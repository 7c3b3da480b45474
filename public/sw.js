// Resonate Inspector's service worker: keeps the page and its catalog for offline use after the first visit.
// Network first, so an online page is always the deployed one; the cache answers only when the network cannot.
// Only GETs of the app's own origin are touched: no request to a Resonate server, no POST, nothing else.
const CACHE = 'resonate-inspector';

// At install, every file of the build (precache.json, written by the build), so the page works offline whatever
// the first visit loaded. Without the list (a dev server), only what the page fetches is kept.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      try {
        const list = await fetch(new URL('precache.json', self.registration.scope), { cache: 'no-store' });
        if (list.ok) {
          const files = [...new Set(await list.json())].map((f) => new URL(f, self.registration.scope).href);
          await (await caches.open(CACHE)).addAll(files);
        }
      } catch {
        // Offline already, or a file missing: the fetch handler still keeps what the page loads.
      }
      await self.skipWaiting();
    })(),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}
