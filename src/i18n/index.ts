/**
 * i18next set-up. Each feature owns one namespace file per language
 * (locales/<lang>/<namespace>.json); a language's files are loaded lazily as one chunk.
 * Keys are used as `t('namespace:key')`.
 */
import i18next from 'i18next';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'spiegel.language';

type Bundle = Record<string, unknown>;
// The start screen's namespaces ship inside the first chunk (both languages, ~4 kB gzip), so the
// first screen renders without waiting for another request; every other namespace loads lazily.
const bootBundles = import.meta.glob<Bundle>('./locales/*/{common,home,classes}.json', {
  eager: true,
  import: 'default',
});
const lazyLoaders = import.meta.glob<Bundle>(
  ['./locales/*/*.json', '!./locales/*/{common,home,classes}.json'],
  { import: 'default' },
);
const loaders: Record<string, () => Promise<Bundle>> = { ...lazyLoaders };
for (const [path, bundle] of Object.entries(bootBundles))
  loaders[path] = () => Promise.resolve(bundle);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Saved choice first; on first start follow the browser; Dutch otherwise. */
export function detectLanguage(
  saved: string | null,
  browserLanguages: readonly string[],
): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'nl';
}

/** What the start screen needs; every other namespace loads with the first lazy screen. */
// Keep in step with the eager glob above (import.meta.glob needs a literal pattern).
const BOOT_NAMESPACES = ['common', 'home', 'classes'];
const loaded = new Map<string, Promise<void>>();

function loadNamespace(lang: Language, path: string): Promise<void> {
  let pending = loaded.get(path);
  if (!pending) {
    const ns = path.slice(`./locales/${lang}/`.length, -'.json'.length);
    pending = loaders[path]!().then((bundle) => {
      i18next.addResourceBundle(lang, ns, bundle, true, true);
    });
    // A failed chunk load may be retried later (e.g. back online).
    pending.catch(() => loaded.delete(path));
    loaded.set(path, pending);
  }
  return pending;
}

/** Loads the given namespaces of a language ('all' for every one). */
async function loadNamespaces(
  lang: Language,
  namespaces: readonly string[] | 'all',
): Promise<void> {
  const prefix = `./locales/${lang}/`;
  const paths = Object.keys(loaders).filter(
    (path) =>
      path.startsWith(prefix) &&
      (namespaces === 'all' || namespaces.includes(path.slice(prefix.length, -'.json'.length))),
  );
  await Promise.all(paths.map((path) => loadNamespace(lang, path)));
}

/**
 * Every namespace of the current language. Lazy screens wait for this together with their own
 * chunk, so the first screen ships only the strings it shows.
 */
export function ensureAllNamespaces(): Promise<void> {
  return loadNamespaces(currentLanguage(), 'all');
}

/** Just the named namespaces of the current language (for small pieces of the start screen). */
export function ensureNamespaces(namespaces: readonly string[]): Promise<void> {
  return loadNamespaces(currentLanguage(), namespaces);
}

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export async function initI18n(): Promise<Language> {
  const lang = detectLanguage(savedLanguage(), navigator.languages ?? [navigator.language]);
  await i18next.init({
    lng: lang,
    fallbackLng: false,
    defaultNS: 'common',
    ns: [],
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadNamespaces(lang, BOOT_NAMESPACES);
  document.documentElement.lang = lang;
  return lang;
}

export async function changeLanguage(lang: Language): Promise<void> {
  await loadNamespaces(lang, 'all');
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'nl';
}

export const t = i18next.t.bind(i18next);
