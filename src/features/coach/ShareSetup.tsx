import type { LensRecord } from '../../model/types';
import { t } from '../../i18n';
import {
  EXPIRY_WEEK_CHOICES,
  EXTRA_NAMES,
  type Pseudonymisation,
  type SharedExtras,
} from '../../intervisie';
import { Choice } from './Choice';

export interface ShareForm {
  from: string;
  to: string;
  label: string;
  pseudonymisation: Pseudonymisation;
  extras: SharedExtras;
  lensIds: string[];
  /** Weeks the coach's device keeps the package. */
  expiryWeeks: number;
}

interface Props {
  form: ShareForm;
  lenses: readonly LensRecord[];
  onChange: (next: ShareForm) => void;
}

/** Period, neutral label, codes or initials, and every extra ticked on its own. */
export function ShareSetup({ form, lenses, onChange }: Props) {
  const set = (patch: Partial<ShareForm>) => onChange({ ...form, ...patch });
  const toggleLens = (id: string, on: boolean) =>
    set({ lensIds: on ? [...form.lensIds, id] : form.lensIds.filter((x) => x !== id) });
  return (
    <section class="card coach-section" aria-labelledby="share-setup-heading">
      <h2 id="share-setup-heading">{t('coach:share.setupHeading')}</h2>
      <div class="coach-period">
        <label class="field">
          <span>{t('coach:share.from')}</span>
          <input
            type="date"
            value={form.from}
            onInput={(e) => set({ from: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{t('coach:share.to')}</span>
          <input type="date" value={form.to} onInput={(e) => set({ to: e.currentTarget.value })} />
        </label>
      </div>
      <label class="field">
        <span>{t('coach:share.labelField')}</span>
        <input
          value={form.label}
          maxLength={80}
          autoComplete="off"
          aria-describedby="share-label-hint"
          onInput={(e) => set({ label: e.currentTarget.value })}
        />
      </label>
      <p id="share-label-hint" class="hint muted coach-hint">
        {t('coach:share.labelHint')}
      </p>

      <fieldset class="coach-choices">
        <legend>{t('coach:share.pseudoLegend')}</legend>
        {(['codes', 'initials'] as const).map((mode) => (
          <Choice
            key={mode}
            type="radio"
            name="share-pseudonymisation"
            checked={form.pseudonymisation === mode}
            label={t(`coach:share.${mode}`)}
            hint={t(`coach:share.${mode}Hint`)}
            onChange={() => set({ pseudonymisation: mode })}
          />
        ))}
      </fieldset>

      <fieldset class="coach-choices">
        <legend>{t('coach:share.extrasLegend')}</legend>
        {EXTRA_NAMES.map((name) => (
          <Choice
            key={name}
            type="checkbox"
            checked={form.extras[name]}
            label={t(`coach:share.extras.${name}`)}
            onChange={(on) => set({ extras: { ...form.extras, [name]: on } })}
          />
        ))}
        <p class="hint muted">{t('coach:share.extrasHint')}</p>
      </fieldset>

      {lenses.length > 0 ? (
        <fieldset class="coach-choices">
          <legend>{t('coach:share.lensesLegend')}</legend>
          {lenses.map((lens) => (
            <Choice
              key={lens.id}
              type="checkbox"
              checked={form.lensIds.includes(lens.id)}
              label={t('coach:share.lensItem', { name: lens.name })}
              onChange={(on) => toggleLens(lens.id, on)}
            />
          ))}
        </fieldset>
      ) : null}

      <label class="field">
        <span>{t('coach:share.expiryField')}</span>
        <select
          value={String(form.expiryWeeks)}
          aria-describedby="share-expiry-hint"
          onChange={(e) => set({ expiryWeeks: Number(e.currentTarget.value) })}
        >
          {EXPIRY_WEEK_CHOICES.map((weeks) => (
            <option key={weeks} value={String(weeks)}>
              {t('coach:share.expiryWeeks', { count: weeks })}
            </option>
          ))}
        </select>
      </label>
      <p id="share-expiry-hint" class="hint muted coach-hint">
        {t('coach:share.expiryHint')}
      </p>
    </section>
  );
}
