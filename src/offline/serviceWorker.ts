// The service worker that lets Threshold run with no network after one visit.
//
// It is one self-contained function: the build (src/offline/plugin.ts) writes
// `(${serviceWorker})(self, [...every file the build shipped], "<version>")` to dist/sw.js, and the
// unit tests call it with a fake scope. So it must not refer to anything outside its own body.
//
// What it does:
// - install: download every file of this build into a cache named after the build's version;
// - activate: delete the caches of older builds and take control of open pages at once;
// - fetch: answer the app's own files from that cache (cache first: nothing waits on a bad
//   network), the page itself (the scope's root or index.html, any query) with the cached
//   index.html, and leave every other request to the browser.
// A new build has a new version, so the browser installs the new worker the next time the page
// is opened online; the page after that runs the new build.

/** The parts of an install or activate event the worker uses. */
export interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void;
}

/** The parts of a fetch event the worker uses. */
export interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

/** The parts of ServiceWorkerGlobalScope the worker uses (the DOM typings lack worker types). */
export interface ServiceWorkerScopeLike {
  readonly registration: { readonly scope: string };
  readonly caches: CacheStorage;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  fetch(request: Request): Promise<Response>;
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: ExtendableEventLike) => void,
  ): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

/** Every cache this worker makes starts with this (other caches on the origin are left alone). */
export const CACHE_PREFIX = 'threshold-';

export function serviceWorker(
  scope: ServiceWorkerScopeLike,
  files: readonly string[],
  version: string,
): void {
  const prefix = 'threshold-'; // = CACHE_PREFIX; repeated because this body must stand alone
  const cacheName = prefix + version;
  const base = scope.registration.scope;
  const urls = files.map((file) => new URL(file, base).href);
  const known = new Set(urls);
  const indexUrl = new URL('index.html', base).href;

  scope.addEventListener('install', (event) => {
    event.waitUntil(
      scope.caches
        .open(cacheName)
        // `reload`: straight from the server, never a stale copy from the HTTP cache.
        .then((cache) => cache.addAll(urls.map((url) => new Request(url, { cache: 'reload' }))))
        .then(() => scope.skipWaiting()),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      scope.caches
        .keys()
        .then((names) =>
          Promise.all(
            names
              .filter((name) => name.startsWith(prefix) && name !== cacheName)
              .map((name) => scope.caches.delete(name)),
          ),
        )
        .then(() => scope.clients.claim()),
    );
  });

  scope.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    const page = url.origin + url.pathname;
    let key: string | null = null;
    if (request.mode === 'navigate' && (page === base || page === indexUrl)) key = indexUrl;
    else if (url.search === '' && known.has(page)) key = page;
    if (key === null) return; // not one of ours: the browser handles it as usual
    const cacheKey = key;
    event.respondWith(
      scope.caches
        .open(cacheName)
        .then((cache) => cache.match(cacheKey))
        .then((hit) => hit ?? scope.fetch(request)),
    );
  });
}
