import type { JournalEntry } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Choice } from './Choice';

export interface SheetOptions {
  from: string;
  to: string;
  codes: boolean;
  journalIds: string[];
}

interface Props {
  options: SheetOptions;
  journal: readonly JournalEntry[];
  onChange: (next: SheetOptions) => void;
}

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 88)}…` : text);

/** On screen only (hidden in print): period, codes or names, the reflections to include, Print. */
export function SheetControls({ options, journal, onChange }: Props) {
  const set = (patch: Partial<SheetOptions>) => onChange({ ...options, ...patch });
  const toggle = (id: string, on: boolean) =>
    set({
      journalIds: on ? [...options.journalIds, id] : options.journalIds.filter((x) => x !== id),
    });
  return (
    <section class="card coach-section sheet-controls" aria-label={t('coach:sheet.title')}>
      <p>{t('coach:sheet.intro')}</p>
      <div class="coach-period">
        <label class="field">
          <span>{t('coach:share.from')}</span>
          <input
            type="date"
            value={options.from}
            onInput={(e) => set({ from: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{t('coach:share.to')}</span>
          <input
            type="date"
            value={options.to}
            onInput={(e) => set({ to: e.currentTarget.value })}
          />
        </label>
      </div>
      <Choice
        type="checkbox"
        checked={options.codes}
        label={t('coach:sheet.codesOption')}
        onChange={(codes) => set({ codes })}
      />
      <fieldset class="coach-choices">
        <legend>{t('coach:sheet.reflectionsLegend')}</legend>
        {journal.length === 0 ? <p class="muted">{t('coach:sheet.noReflections')}</p> : null}
        {journal.map((j) => (
          <Choice
            key={j.id}
            type="checkbox"
            checked={options.journalIds.includes(j.id)}
            label={`${formatDate(j.date, 'short')}: ${excerpt(j.text)}`}
            onChange={(on) => toggle(j.id, on)}
          />
        ))}
      </fieldset>
      <button type="button" class="primary" onClick={() => window.print()}>
        {t('coach:sheet.print')}
      </button>
    </section>
  );
}
