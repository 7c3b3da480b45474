// Resonate Inspector's service worker: keeps the page and its catalog for offline use after the first visit.
// Network first, so an online page is always the deployed one; the cache answers only when the network cannot.
// Only GETs of the app's own origin are touched: no request to a Resonate server, no POST, nothing else.
const CACHE = 'resonate-inspector';

self.addEventListener('install', () => self.skipWaiting());
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
