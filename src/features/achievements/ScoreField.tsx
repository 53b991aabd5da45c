import type { Ref } from 'preact';
import type { ScoreType } from '../../model/types';
import { t } from '../../i18n';

interface ScoreFieldProps {
  id: string;
  type: ScoreType;
  /** The class's levels (for type 'level'). */
  levels: readonly string[];
  pupilName: string;
  /** The raw text (a level's name for type 'level'; '' = no result). */
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  onKeyDown?: (event: KeyboardEvent) => void;
  /** Id of the element that explains a problem with this value. */
  errorId?: string | null;
  inputRef?: Ref<HTMLInputElement | HTMLSelectElement>;
}

/**
 * One pupil's score: a text input with a decimal keypad (type=number would refuse the Dutch
 * "6,5" in some browsers), or for levels a list of the class's levels. Named "Grade for Sem".
 */
export function ScoreField(props: ScoreFieldProps) {
  const label = t(`achievements:entry.label.${props.type}`, { name: props.pupilName });
  const common = {
    id: props.id,
    'aria-label': label,
    'aria-invalid': props.errorId ? true : undefined,
    'aria-describedby': props.errorId ?? undefined,
    onBlur: props.onBlur,
  };
  if (props.type === 'level') {
    return (
      <select
        {...common}
        ref={props.inputRef as Ref<HTMLSelectElement>}
        class="score-input score-select"
        value={props.value}
        onChange={(e) => props.onInput(e.currentTarget.value)}
      >
        <option value="">{t('achievements:entry.noResult')}</option>
        {props.levels.map((level) => (
          <option key={level} value={level}>
            {level}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      {...common}
      ref={props.inputRef as Ref<HTMLInputElement>}
      class="score-input"
      type="text"
      inputMode="decimal"
      enterKeyHint="next"
      autoComplete="off"
      value={props.value}
      onInput={(e) => props.onInput(e.currentTarget.value)}
      onKeyDown={props.onKeyDown}
    />
  );
}
