import {
  RELATIONSHIP_MAX,
  RELATIONSHIP_MIN,
  type RelationshipDimension,
  type RelationshipExtra,
} from '../../domain/scales';
import { t } from '../../i18n';

const VALUES = Array.from(
  { length: RELATIONSHIP_MAX - RELATIONSHIP_MIN + 1 },
  (_, i) => RELATIONSHIP_MIN + i,
);

interface RatingGroupProps {
  dimension: RelationshipDimension | RelationshipExtra;
  /** Unique per pupil and place, so radio names never collide. */
  idPrefix: string;
  value: number | null;
  onChange: (value: number) => void;
  /** In the table: the legend names the pupil and the explanation sits in the column header. */
  legend?: string;
  compact?: boolean;
}

/** One of Pianta's dimensions as five radio buttons (native radios: arrow keys work). */
export function RatingGroup(props: RatingGroupProps) {
  const { dimension, idPrefix, value, onChange, compact } = props;
  const name = `${idPrefix}-${dimension}`;
  const explainId = `${name}-explain`;
  return (
    <fieldset
      class={compact ? 'rel-group rel-group-compact' : 'rel-group'}
      aria-describedby={compact ? undefined : explainId}
    >
      <legend class={compact ? 'visually-hidden' : undefined}>
        {props.legend ?? t(`relationships:dimensions.${dimension}.name`)}
      </legend>
      {compact ? null : (
        <p id={explainId} class="rel-explain">
          {t(`relationships:dimensions.${dimension}.explain`)}
        </p>
      )}
      <div class="rel-options">
        {VALUES.map((v) => (
          <label key={v} class="rel-option">
            <input
              type="radio"
              name={name}
              value={String(v)}
              checked={value === v}
              onChange={() => onChange(v)}
            />
            <span aria-hidden="true" class="rel-tick">
              ✓
            </span>
            <span>{v}</span>
            {v === RELATIONSHIP_MIN || v === RELATIONSHIP_MAX ? (
              <span class="visually-hidden">
                {' '}
                (
                {t(
                  v === RELATIONSHIP_MIN
                    ? 'relationships:anchors.low'
                    : 'relationships:anchors.high',
                )}
                )
              </span>
            ) : null}
          </label>
        ))}
      </div>
      {compact ? null : (
        <p class="rel-anchors" aria-hidden="true">
          <span>{t('relationships:anchors.lowLabel')}</span>
          <span>{t('relationships:anchors.highLabel')}</span>
        </p>
      )}
    </fieldset>
  );
}
