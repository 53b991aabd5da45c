import { t } from '../../i18n';

export const MINUTES_MIN = 1;
/** The form stops at an hour; Banking Time moments are meant to be short. */
export const MINUTES_MAX = 60;

interface MinutesStepperProps {
  id: string;
  value: number;
  onChange: (minutes: number) => void;
  describedBy?: string;
}

const clamp = (n: number) => Math.min(MINUTES_MAX, Math.max(MINUTES_MIN, Math.round(n)));

/** − minutes +, with the number also typeable for a quick jump. */
export function MinutesStepper({ id, value, onChange, describedBy }: MinutesStepperProps) {
  return (
    <div class="field">
      <label for={id} class="minutes-label">
        {t('banking:form.minutes')}
      </label>
      <div class="minutes-stepper">
        <button
          type="button"
          aria-label={t('banking:form.fewer', { count: value })}
          disabled={value <= MINUTES_MIN}
          onClick={() => onChange(clamp(value - 1))}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={MINUTES_MIN}
          max={MINUTES_MAX}
          step={1}
          value={value}
          aria-describedby={describedBy}
          onChange={(e) => {
            const input = e.currentTarget;
            const n = Number(input.value);
            const next = input.value.trim() !== '' && Number.isFinite(n) ? clamp(n) : value;
            // A refused or clamped entry snaps back even when the state does not change.
            input.value = String(next);
            onChange(next);
          }}
        />
        <button
          type="button"
          aria-label={t('banking:form.more', { count: value })}
          disabled={value >= MINUTES_MAX}
          onClick={() => onChange(clamp(value + 1))}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
    </div>
  );
}
