import { t } from '../../i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
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
    <ChoiceGroup
      legend={t('insights:time.unit')}
      name="ins-time-unit"
      options={TIME_UNITS}
      value={value}
      onChange={onChange}
      class="segmented"
      optionsClass="segmented-options"
      optionClass="segment"
      label={(unit) => (
        <>
          <span class="segment-tick">
            <Icon name="check" />
          </span>
          {t(`insights:time.units.${unit}`)}
        </>
      )}
    />
  );
}
