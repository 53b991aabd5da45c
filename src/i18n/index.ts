/**
 * i18next set-up. Each feature owns one namespace file per language
 * (locales/<lang>/<namespace>.json); a language's files are loaded lazily as one chunk.
 * Keys are used as `t('namespace:key')`.
 */
import i18next from 'i18next';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'spiegel.language';

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

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

async function loadLanguage(lang: Language): Promise<void> {
  const prefix = `./locales/${lang}/`;
  const entries = Object.entries(loaders).filter(([path]) => path.startsWith(prefix));
  await Promise.all(
    entries.map(async ([path, load]) => {
      const ns = path.slice(prefix.length, -'.json'.length);
      const mod = await load();
      i18next.addResourceBundle(lang, ns, mod.default, true, true);
    }),
  );
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
  await loadLanguage(lang);
  document.documentElement.lang = lang;
  return lang;
}

export async function changeLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang);
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
