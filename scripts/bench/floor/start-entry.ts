// The bare stack's start-up floor: Preact renders a button whose text comes from i18next after
// Dexie opened a database and read one table, and workbox-window registers a service worker.
// Nothing of the app: what this page costs is what the stack itself costs on this machine.
import { Dexie, type Table } from 'dexie';
import i18next from 'i18next';
import { h, render } from 'preact';
import { Workbox } from 'workbox-window';

class FloorDb extends Dexie {
  items!: Table<{ id: string }, string>;
  constructor() {
    super('spiegel-floor');
    this.version(1).stores({ items: 'id' });
  }
}

async function boot(): Promise<void> {
  await i18next.init({ lng: 'nl', resources: { nl: { translation: { hello: 'Hallo' } } } });
  const db = new FloorDb();
  const count = await db.items.count();
  render(
    h(
      'main',
      null,
      h('h1', null, i18next.t('hello')),
      h('button', { type: 'button' }, String(count)),
    ),
    document.getElementById('app')!,
  );
  // The app marks ready in an effect, which runs after the frame that painted the start screen's
  // data: the floor marks the same moment (a task after its first painted frame), not the end of
  // render(), which comes before style, layout and paint (until the night of 3 December).
  requestAnimationFrame(() => setTimeout(() => performance.mark('spiegel:ready')));
  if ('serviceWorker' in navigator) void new Workbox('/floor-sw.js').register();
}

void boot();
