// Registers the offline service worker (dist/sw.js, written by src/offline/plugin.ts) in
// production builds. Imported once from src/main.ts; it is a module script, never inline, so it
// runs under the page's Content-Security-Policy. The dev server has no sw.js and registers nothing.
//
// Browsers allow service workers only on https:// pages and on http://localhost (or 127.0.0.1);
// elsewhere, and where registration fails, the app runs exactly as before, just not offline.

export interface ServiceWorkerHost {
  readonly serviceWorker?: Pick<ServiceWorkerContainer, 'register'>;
}

/**
 * Register sw.js next to index.html. Resolves to the registration, or null where the browser has
 * no service workers or refuses one. Never rejects.
 */
export async function registerServiceWorker(
  host: ServiceWorkerHost = navigator,
): Promise<ServiceWorkerRegistration | null> {
  const container = host.serviceWorker;
  if (!container) return null;
  try {
    return await container.register('./sw.js', { scope: './' });
  } catch (error) {
    console.warn('Threshold: offline use is not available in this browser session.', error);
    return null;
  }
}

if (import.meta.env.PROD && typeof window !== 'undefined' && 'serviceWorker' in navigator) {
  // After the page has loaded, so precaching never competes with the first render.
  if (document.readyState === 'complete') void registerServiceWorker();
  else window.addEventListener('load', () => void registerServiceWorker(), { once: true });
}
