import type { ScoreType } from '../../model/types';
import { SCORE_TYPES } from '../../domain/scores';
import { t } from '../../i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { TextField } from '../classes/TextField';
import { typeHint, typeName } from './scoreText';

const ENTRY_MODES = ['type', 'paste'] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];

interface AssessmentFieldsProps {
  label: string;
  onLabel: (value: string) => void;
  labelError?: string;
  date: string;
  onDate: (value: string) => void;
  dateError?: string;
  today: string;
  type: ScoreType;
  onType: (type: ScoreType) => void;
  levels: readonly string[];
  mode: EntryMode;
  onMode: (mode: EntryMode) => void;
}

/** What was measured, when, on which scale, and how the teacher wants to enter the scores. */
export function AssessmentFields(props: AssessmentFieldsProps) {
  // A level only means something on a class with its own levels.
  const types = SCORE_TYPES.filter((type) => type !== 'level' || props.levels.length > 0);
  return (
    <>
      <TextField
        id="assessment-label"
        label={t('achievements:form.label')}
        hint={t('achievements:form.labelHint')}
        value={props.label}
        onInput={props.onLabel}
        error={props.labelError ?? null}
      />
      <div class="field">
        <label for="assessment-date" class="field-label">
          {t('achievements:form.date')}
        </label>
        <input
          id="assessment-date"
          type="date"
          value={props.date}
          max={props.today}
          aria-invalid={props.dateError ? true : undefined}
          aria-describedby={props.dateError ? 'assessment-date-error' : undefined}
          onInput={(e) => props.onDate(e.currentTarget.value)}
        />
        {props.dateError ? (
          <p id="assessment-date-error" class="field-error">
            {props.dateError}
          </p>
        ) : null}
      </div>
      <ChoiceGroup
        legend={t('achievements:form.type')}
        name="score-type"
        options={types}
        value={props.type}
        onChange={props.onType}
        label={typeName}
      >
        <p class="hint score-type-hint">{typeHint(props.type, props.levels)}</p>
        {props.levels.length === 0 ? (
          <p class="hint score-type-hint">{t('achievements:typeHint.noLevels')}</p>
        ) : null}
      </ChoiceGroup>
      <ChoiceGroup
        legend={t('achievements:form.mode')}
        name="entry-mode"
        options={ENTRY_MODES}
        value={props.mode}
        onChange={props.onMode}
        class="choice-group entry-mode"
        optionsClass="segmented"
        optionClass={(mode) => (props.mode === mode ? 'segment selected' : 'segment')}
        label={(mode) =>
          mode === 'type' ? t('achievements:form.modeType') : t('achievements:form.modePaste')
        }
      />
    </>
  );
}
