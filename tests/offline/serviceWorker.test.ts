// The offline service worker (src/offline/serviceWorker.ts) against a fake worker scope, and the
// build plugin's sw.js text (src/offline/plugin.ts). The real thing runs in
// tests/browser/offline.spec.ts.

import { describe, expect, it } from 'vitest';
import { buildVersion, isPrecached, serviceWorkerSource } from '../../src/offline/plugin';
import { registerServiceWorker } from '../../src/offline/register';
import {
  serviceWorker,
  type ExtendableEventLike,
  type FetchEventLike,
  type ServiceWorkerScopeLike,
} from '../../src/offline/serviceWorker';

const BASE = 'https://example.org/workshop/threshold/';
const FILES = ['index.html', 'assets/index-abc.js', 'assets/index-def.css', 'favicon.svg'];

class FakeCache {
  readonly entries = new Map<string, string>();
  async addAll(requests: Request[]) {
    for (const request of requests) {
      expect(request.cache).toBe('reload');
      this.entries.set(request.url, `body of ${request.url}`);
    }
  }
  async match(url: string) {
    const body = this.entries.get(url);
    return body === undefined ? undefined : new Response(body);
  }
}

function fakeScope() {
  const caches = new Map<string, FakeCache>();
  const listeners: Record<string, (event: never) => void> = {};
  const log: string[] = [];
  const scope = {
    registration: { scope: BASE },
    caches: {
      async open(name: string) {
        if (!caches.has(name)) caches.set(name, new FakeCache());
        return caches.get(name);
      },
      async keys() {
        return [...caches.keys()];
      },
      async delete(name: string) {
        return caches.delete(name);
      },
    },
    clients: {
      async claim() {
        log.push('claim');
      },
    },
    async skipWaiting() {
      log.push('skipWaiting');
    },
    async fetch(request: Request) {
      log.push(`network ${request.url}`);
      return new Response('from the network');
    },
    addEventListener(type: string, listener: (event: never) => void) {
      listeners[type] = listener;
    },
  } as unknown as ServiceWorkerScopeLike;

  async function lifecycle(type: 'install' | 'activate') {
    let done: Promise<unknown> = Promise.resolve();
    const event: ExtendableEventLike = { waitUntil: (p) => (done = p) };
    (listeners[type] as (e: ExtendableEventLike) => void)(event);
    await done;
  }

  /** The response the worker gives, or null if it leaves the request to the browser. */
  async function request(url: string, init: { method?: string; mode?: string } = {}) {
    let answer: Promise<Response> | null = null;
    const event = {
      request: { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' } as Request,
      waitUntil() {},
      respondWith: (r: Promise<Response>) => (answer = r),
    } as FetchEventLike;
    (listeners.fetch as (e: FetchEventLike) => void)(event);
    return answer === null ? null : ((await answer) as Response).text();
  }

  return { scope, caches, log, lifecycle, request };
}

describe('the offline service worker', () => {
  it('precaches every file on install, bypassing the HTTP cache, and takes over at once', async () => {
    const w = fakeScope();
    serviceWorker(w.scope, FILES, 'v1');
    await w.lifecycle('install');
    expect([...(w.caches.get('threshold-v1')?.entries.keys() ?? [])].sort()).toEqual(
      FILES.map((f) => BASE + f).sort(),
    );
    expect(w.log).toEqual(['skipWaiting']);
  });

  it('on activate, deletes older builds’ caches only, then claims the open pages', async () => {
    const w = fakeScope();
    await w.scope.caches.open('threshold-old');
    await w.scope.caches.open('someone-else');
    serviceWorker(w.scope, FILES, 'v2');
    await w.lifecycle('install');
    await w.lifecycle('activate');
    expect([...w.caches.keys()].sort()).toEqual(['someone-else', 'threshold-v2']);
    expect(w.log.at(-1)).toBe('claim');
  });

  it('answers the app’s files and the page from the cache, and leaves the rest alone', async () => {
    const w = fakeScope();
    serviceWorker(w.scope, FILES, 'v1');
    await w.lifecycle('install');
    const index = `body of ${BASE}index.html`;
    expect(await w.request(`${BASE}assets/index-abc.js`)).toBe(
      `body of ${BASE}assets/index-abc.js`,
    );
    // The page, opened at the folder, at index.html, with a query or a #play= link.
    expect(await w.request(BASE, { mode: 'navigate' })).toBe(index);
    expect(await w.request(`${BASE}index.html`, { mode: 'navigate' })).toBe(index);
    expect(await w.request(`${BASE}?seed=3`, { mode: 'navigate' })).toBe(index);
    expect(await w.request(`${BASE}#play=abc`, { mode: 'navigate' })).toBe(index);
    // Not ours: other pages, other origins, other methods, unknown files, queries on files.
    expect(await w.request(`${BASE}other.html`, { mode: 'navigate' })).toBeNull();
    expect(await w.request('https://elsewhere.example/assets/index-abc.js')).toBeNull();
    expect(await w.request(`${BASE}assets/index-abc.js`, { method: 'POST' })).toBeNull();
    expect(await w.request(`${BASE}sw.js`)).toBeNull();
    expect(await w.request(`${BASE}assets/index-abc.js?v=2`)).toBeNull();
    expect(w.log.filter((l) => l.startsWith('network'))).toEqual([]);
  });

  it('falls back to the network when a cached file has gone missing', async () => {
    const w = fakeScope();
    serviceWorker(w.scope, FILES, 'v1');
    await w.lifecycle('install');
    w.caches.get('threshold-v1')?.entries.delete(`${BASE}favicon.svg`);
    expect(await w.request(`${BASE}favicon.svg`)).toBe('from the network');
  });
});

describe('sw.js as the build writes it', () => {
  it('is valid JavaScript that lists the files, sorted and once, and the version', () => {
    const source = serviceWorkerSource(
      [...FILES, 'favicon.svg', 'sw.js', 'assets/a.js.map'],
      'abc123',
    );
    expect(() => new Function(source)).not.toThrow();
    const list = JSON.parse(/\}\)\(self, (\[[\s\S]*?\]), "abc123"\);/.exec(source)?.[1] ?? '[]');
    expect(list).toEqual([...FILES].sort());
  });

  it('its version changes when any file changes', () => {
    const a = buildVersion(
      new Map<string, string | Uint8Array>([
        ['index.html', 'a'],
        ['x.js', new Uint8Array([1])],
      ]),
    );
    const b = buildVersion(
      new Map<string, string | Uint8Array>([
        ['index.html', 'a'],
        ['x.js', new Uint8Array([2])],
      ]),
    );
    const c = buildVersion(
      new Map<string, string | Uint8Array>([
        ['x.js', new Uint8Array([1])],
        ['index.html', 'a'],
      ]),
    );
    expect(a).not.toBe(b);
    expect(a).toBe(c);
  });

  it('leaves out the worker itself, source maps and hidden files', () => {
    expect(
      ['sw.js', 'a.js.map', '.vite/manifest.json', 'assets/.DS_Store', 'a.js'].filter(isPrecached),
    ).toEqual(['a.js']);
  });
});

describe('registering the worker', () => {
  it('registers ./sw.js for the folder of the page, and never rejects', async () => {
    const calls: unknown[][] = [];
    const registration = { scope: BASE } as ServiceWorkerRegistration;
    const ok = await registerServiceWorker({
      serviceWorker: {
        register: async (...args: unknown[]) => {
          calls.push(args);
          return registration;
        },
      } as Pick<ServiceWorkerContainer, 'register'>,
    });
    expect(ok).toBe(registration);
    expect(calls).toEqual([['./sw.js', { scope: './' }]]);

    const warn = console.warn;
    console.warn = () => {};
    try {
      const refused = await registerServiceWorker({
        serviceWorker: {
          register: () => Promise.reject(new DOMException('insecure', 'SecurityError')),
        } as Pick<ServiceWorkerContainer, 'register'>,
      });
      expect(refused).toBeNull();
    } finally {
      console.warn = warn;
    }
    // No service workers (http:// on a LAN address, old browsers): nothing to do.
    expect(await registerServiceWorker({})).toBeNull();
  });
});
