import { href } from '../../ui/router';
import type { IntentionTarget, LensRecord, PupilRecord } from '../../model/types';
import type { ExpectationGroup } from '../../domain/intentions';
import { t } from '../../i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';

export type Who = IntentionTarget['type'];

export interface TargetState {
  who: Who;
  pupilId: string;
  /** `lensId|valueId`. */
  lensValue: string;
  group: ExpectationGroup;
}

/** The target the state stands for (empty ids are refused by the repository). */
export function targetOf(s: TargetState): IntentionTarget {
  switch (s.who) {
    case 'class':
      return { type: 'class' };
    case 'pupil':
      return { type: 'pupil', pupilId: s.pupilId };
    case 'lens': {
      const [lensId = '', valueId = ''] = s.lensValue.split('|');
      return { type: 'lens', lensId, valueId };
    }
    case 'expectation':
      return { type: 'expectation', group: s.group };
  }
}

const WHO: readonly Who[] = ['pupil', 'lens', 'expectation', 'class'];
const GROUPS: readonly ExpectationGroup[] = ['high', 'middle', 'low'];

interface TargetFieldsProps {
  classId: string;
  state: TargetState;
  onChange: (patch: Partial<TargetState>) => void;
  pupils: readonly PupilRecord[];
  lenses: readonly LensRecord[];
  groupSizes: Record<ExpectationGroup, number>;
  /** Id of the error message when the target is what is wrong. */
  errorId?: string;
}

/** "For whom?": one pupil, a lens group, an expectation group or the whole class. */
export function TargetFields(props: TargetFieldsProps) {
  const { state, onChange, errorId } = props;
  const invalid = errorId ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const rated = GROUPS.some((g) => props.groupSizes[g] > 0);
  return (
    <>
      <ChoiceGroup
        legend={t('intentions:form.who')}
        name="intention-who"
        options={WHO}
        value={state.who}
        onChange={(who) => onChange({ who })}
        class="intention-choices"
        optionClass="intention-choice"
        label={(who) => <span>{t(`intentions:who.${who}`)}</span>}
      />
      {state.who === 'pupil' ? (
        <label class="field">
          <span>{t('intentions:form.pupil')}</span>
          <select
            value={state.pupilId}
            onChange={(e) => onChange({ pupilId: e.currentTarget.value })}
            {...invalid}
          >
            <option value="">{t('intentions:form.choosePupil')}</option>
            {props.pupils.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {state.who === 'lens' ? (
        props.lenses.length > 0 ? (
          <label class="field">
            <span>{t('intentions:form.lens')}</span>
            <select
              value={state.lensValue}
              onChange={(e) => onChange({ lensValue: e.currentTarget.value })}
              {...invalid}
            >
              <option value="">{t('intentions:form.chooseLens')}</option>
              {props.lenses.map((lens) => (
                <optgroup key={lens.id} label={lens.name}>
                  {lens.values.map((v) => (
                    <option key={v.id} value={`${lens.id}|${v.id}`}>
                      {`${lens.name}: ${v.label}`}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        ) : (
          <p class="card intention-hint">
            {t('intentions:form.noLenses')}{' '}
            <a href={href('class', props.classId, 'lenses')}>{t('intentions:form.toLenses')}</a>
          </p>
        )
      ) : null}
      {state.who === 'expectation' ? (
        <>
          <label class="field">
            <span>{t('intentions:form.group')}</span>
            <select
              value={state.group}
              onChange={(e) => onChange({ group: e.currentTarget.value as ExpectationGroup })}
              {...invalid}
            >
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`intentions:form.groups.${g}`, { count: props.groupSizes[g] })}
                </option>
              ))}
            </select>
          </label>
          <p class="muted intention-hint">
            {rated ? t('intentions:form.groupHint') : t('intentions:form.noRatings')}
          </p>
        </>
      ) : null}
    </>
  );
}
