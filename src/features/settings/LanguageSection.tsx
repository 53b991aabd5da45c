import { useState } from 'preact/hooks';
import { changeLanguage, currentLanguage, LANGUAGES, t, type Language } from '../../i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { showToast } from '../../ui/toastStore';

/** Dutch or English. The choice is kept on this device and survives a reload. */
export function LanguageSection() {
  const [busy, setBusy] = useState(false);
  const current = currentLanguage();
  // The radio follows the tap at once, while the other language loads.
  const [selected, setSelected] = useState<Language>(current);
  const choose = async (lang: Language) => {
    if (lang === current || busy) return;
    setSelected(lang);
    setBusy(true);
    try {
      await changeLanguage(lang);
      // The app re-renders in the new language; the toast confirms it to screen readers too.
      showToast(t('settings:language.changed'));
    } catch {
      // A language chunk that fails to load (offline before it was cached): stay as we were.
      setSelected(current);
      setBusy(false);
    }
  };
  return (
    <section class="card settings-section" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('settings:language.heading')}</h2>
      <ChoiceGroup
        class="settings-choices"
        optionClass="settings-choice"
        disabled={busy}
        legend={t('settings:language.legend')}
        legendHidden
        name="language"
        options={LANGUAGES}
        value={selected}
        onChange={(lang) => void choose(lang)}
        // Each language is named in itself, so it is found by those who read it.
        label={(lang) => <span lang={lang}>{t(`settings:language.${lang}`)}</span>}
      />
    </section>
  );
}
