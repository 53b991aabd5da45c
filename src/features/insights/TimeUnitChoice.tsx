import { t } from '../../i18n';
import { TIME_UNITS, type TimeUnit } from './timeBuckets';
import { Icon } from './Icon';

/**
 * Week or month, as native radios styled as one segmented control: arrow keys move the choice,
 * the whole segment is the tap target, and the chosen one is marked by a tick, not colour alone.
 */
export function TimeUnitChoice({
  value,
  onChange,
}: {
  value: TimeUnit;
  onChange: (unit: TimeUnit) => void;
}) {
  return (
    <fieldset class="segmented">
      <legend>{t('insights:time.unit')}</legend>
      <div class="segmented-options">
        {TIME_UNITS.map((unit) => (
          <label key={unit} class="segment">
            <input
              type="radio"
              name="ins-time-unit"
              value={unit}
              checked={value === unit}
              onChange={() => onChange(unit)}
            />
            <span class="segment-tick">
              <Icon name="check" />
            </span>
            {t(`insights:time.units.${unit}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
