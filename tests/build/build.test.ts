/**
 * Checks the production build: the service worker and manifest are there, the precache holds
 * the app shell, and nothing is loaded from another origin. Reads `dist/` (or the folder in the
 * DIST environment variable); run `npm run build` first.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dist = resolve(process.env.DIST ?? 'dist');

function read(path: string): string {
  return readFileSync(join(dist, path), 'utf8');
}

/** Every file under dist, as a path relative to dist with forward slashes. */
function listFiles(dir = dist): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory()
      ? listFiles(full)
      : [relative(dist, full).split('\\').join('/')];
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(join(dist, path));
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error(`${path} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The script files the first screen loads before it is ready: the entry and its preloads. */
function startupFiles(): string[] {
  const html = read('index.html');
  return [
    ...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g),
  ].map((m) => m[1]!);
}

interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** The list Workbox injected into sw.js in place of self.__WB_MANIFEST. */
function precacheEntries(sw: string): PrecacheEntry[] {
  const match = /\[\{"(?:revision|url)":.*?\}\]/s.exec(sw);
  if (!match) throw new Error('No precache manifest found in sw.js');
  return JSON.parse(match[0]) as PrecacheEntry[];
}

interface Manifest {
  name?: string;
  short_name?: string;
  lang?: string;
  theme_color?: string;
  display?: string;
  start_url?: string;
  icons?: { src: string; sizes?: string; type?: string; purpose?: string }[];
}

beforeAll(() => {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`No production build in ${dist}: run npm run build first (or set DIST).`);
  }
});

describe('service worker', () => {
  it('sw.js exists and precaches the app shell', () => {
    expect(existsSync(join(dist, 'sw.js')), 'dist/sw.js is missing').toBe(true);
    const urls = precacheEntries(read('sw.js')).map((entry) => entry.url);
    expect(urls).toContain('index.html');
    expect(urls).not.toContain('sw.js');
    expect(urls.some((url) => url.endsWith('.css'))).toBe(true);
  });

  it('every precached file exists, and every script chunk is precached (offline screens)', () => {
    const urls = precacheEntries(read('sw.js')).map((entry) => entry.url);
    for (const url of urls) expect(existsSync(join(dist, url)), `precached ${url}`).toBe(true);
    const scripts = listFiles().filter((file) => file.endsWith('.js') && file !== 'sw.js');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(urls, `${script} not precached`).toContain(script);
    expect(new Set(urls).size, 'a file is precached twice').toBe(urls.length);
  });

  it('index.html links the manifest', () => {
    const html = read('index.html');
    expect(html).toMatch(/<link[^>]+rel="manifest"[^>]+href="\/?manifest\.webmanifest"/);
  });
});

describe('web app manifest', () => {
  const manifest = (): Manifest => JSON.parse(read('manifest.webmanifest')) as Manifest;

  it('has what an install needs', () => {
    const m = manifest();
    expect(m.name).toBeTruthy();
    expect(m.short_name).toBeTruthy();
    expect(m.lang).toBe('nl');
    expect(m.theme_color).toMatch(/^#[0-9a-f]{3,8}$/i);
    expect(m.display).toBe('standalone');
    expect(m.start_url).toBeTruthy();
  });

  it('has icons of 192 and 512 and a maskable one, and the files exist at that size', () => {
    const icons = manifest().icons ?? [];
    const sizes = icons.map((icon) => icon.sizes);
    expect(sizes).toContain('192x192');
    expect(sizes).toContain('512x512');
    expect(icons.some((icon) => (icon.purpose ?? '').split(/\s+/).includes('maskable'))).toBe(true);
    for (const icon of icons) {
      const path = icon.src.replace(/^\//, '');
      expect(existsSync(join(dist, path)), `icon ${icon.src} missing`).toBe(true);
      if (icon.type === 'image/png' && icon.sizes) {
        const { width, height } = pngSize(path);
        expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      }
    }
  });

  it("the page's icon is a small PNG of its stated size, precached (an SVG icon costs the start-up)", () => {
    const links = [...read('index.html').matchAll(/<link rel="icon"[^>]*>/g)].map((m) => m[0]);
    expect(links).toHaveLength(1);
    const href = /href="\/([^"]+)"/.exec(links[0]!)?.[1] ?? '';
    expect(links[0]).toContain('type="image/png"');
    const { width, height } = pngSize(href);
    expect(links[0]).toContain(`sizes="${width}x${height}"`);
    expect(width).toBeLessThanOrEqual(64);
    expect(precacheEntries(read('sw.js')).map((e) => e.url)).toContain(href);
  });
});

describe('nothing from another origin', () => {
  // Hosts that would mean a font, script or tracker from elsewhere.
  const FOREIGN_HOSTS =
    /https?:\/\/(?:fonts\.googleapis\.com|fonts\.gstatic\.com|fonts\.bunny\.net|use\.typekit\.net|[a-z0-9.-]*cdn[a-z0-9.-]*\.[a-z]+|unpkg\.com|cdnjs\.cloudflare\.com|esm\.sh|www\.googletagmanager\.com|[a-z0-9.-]*google-analytics\.com|plausible\.io|[a-z0-9.-]*sentry\.io)\b/i;

  it('index.html loads scripts, styles and icons only from its own origin', () => {
    const html = read('index.html');
    const external = [...html.matchAll(/\b(?:src|href)\s*=\s*["']((?:https?:)?\/\/[^"']+)["']/gi)];
    expect(external.map((m) => m[1])).toEqual([]);
  });

  it('no stylesheet imports or points at another origin', () => {
    for (const file of listFiles().filter((f) => f.endsWith('.css'))) {
      const css = read(file);
      expect(css, file).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
      expect(css, file).not.toMatch(/@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//i);
    }
  });

  it('no script refers to a CDN, web font or analytics host', () => {
    for (const file of listFiles().filter((f) => /\.(?:js|html|webmanifest)$/.test(f))) {
      expect(read(file), file).not.toMatch(FOREIGN_HOSTS);
    }
  });
});

describe('first screen', () => {
  it('paints a static shell before any script runs', () => {
    const html = read('index.html');
    const app = /<div id="app">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(app).toMatch(/<header class="screen-header">\s*<h1>Spiegel<\/h1>/);
  });

  it('needs at most 3 JavaScript files before it is ready (entry and preloads)', () => {
    const html = read('index.html');
    const entries = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)];
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)];
    expect(entries).toHaveLength(1);
    expect(entries.length + preloads.length).toBeLessThanOrEqual(3);
  });

  it('loads no QR reader at start-up: jsQR is its own chunk, loaded by a scan and precached', () => {
    const startup = startupFiles();
    // A string of jsQR's own option handling (the app's reader passes 'dontInvert' only).
    const readers = listFiles().filter((f) => f.endsWith('.js') && read(f).includes('invertFirst'));
    expect(readers).toHaveLength(1);
    expect(startup).not.toContain(readers[0]);
    const urls = precacheEntries(read('sw.js')).map((entry) => entry.url);
    expect(urls).toContain(readers[0]);
  });

  it('starts the start read inline, allowed by its hash in the policy and by nothing looser', () => {
    const html = read('index.html');
    const inline = [...html.matchAll(/<script type="module" async>([\s\S]*?)<\/script>/g)];
    expect(inline).toHaveLength(1);
    const code = inline[0]![1]!;
    expect(code).toContain('spiegelStart');
    const hash = createHash('sha256').update(code, 'utf8').digest('base64');
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1]?.split(/\s+/) ?? [];
    expect(scripts).toEqual(["'self'", `'sha256-${hash}'`]);
    // The policy comes first, so it governs the inline script.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf(inline[0]![0]));
  });

  it('loads no Dexie at start-up: the start read uses IndexedDB itself (src/db/startRecords.ts)', () => {
    const files = startupFiles();
    // The name of one of Dexie's own errors; the app's code never spells it.
    const dexie = listFiles().filter(
      (f) => f.endsWith('.js') && read(f).includes('MissingAPIError'),
    );
    expect(dexie.length).toBeGreaterThan(0);
    for (const file of files) expect(dexie).not.toContain(file);
  });

  it('loads no sync engine at start-up: Yjs and Hocuspocus stay in the lazy sync chunk', () => {
    const files = startupFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      // Strings of Yjs's update decoder and of the Hocuspocus provider.
      expect(read(file)).not.toContain('Unexpected content type');
      expect(read(file)).not.toContain('HocuspocusProvider');
    }
  });
});
