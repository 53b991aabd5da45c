import { useState } from 'preact/hooks';
import type { Id, PupilRecord, ScoreType } from '../../model/types';
import type { ScoreParse } from '../../domain/scores';
import { t } from '../../i18n';
import { ScoreField } from './ScoreField';
import { scoreProblem } from './scoreText';

interface TypedEntryProps {
  /** The class's pupils in seating order. */
  pupils: readonly PupilRecord[];
  type: ScoreType;
  levels: readonly string[];
  values: Readonly<Record<Id, string>>;
  parsed: ReadonlyMap<Id, ScoreParse>;
  onChange: (pupilId: Id, value: string) => void;
  /** After a save attempt every problem shows, not only those of fields already left. */
  showAll: boolean;
}

export const scoreInputId = (pupilId: Id) => `score-${pupilId}`;

/**
 * One row per pupil in seating order (never sorted by score). Enter moves to the next pupil
 * instead of submitting half a class; a problem shows once the field is left.
 */
export function TypedEntry(props: TypedEntryProps) {
  const [left, setLeft] = useState<ReadonlySet<Id>>(new Set());
  const next = (i: number) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const following = props.pupils[i + 1];
    const target = following
      ? document.getElementById(scoreInputId(following.id))
      : document.getElementById('assessment-save');
    target?.focus();
  };
  return (
    <section aria-labelledby="typed-heading">
      <h2 id="typed-heading">{t('achievements:entry.heading')}</h2>
      <p class="hint">{t('achievements:entry.hint')}</p>
      <ol class="list entry-list">
        {props.pupils.map((pupil, i) => {
          const result = props.parsed.get(pupil.id);
          const shown = props.showAll || left.has(pupil.id);
          const problem = shown && result?.kind === 'invalid' ? result.code : null;
          const errorId = problem ? `${scoreInputId(pupil.id)}-error` : null;
          return (
            <li key={pupil.id} class="entry-row">
              <label class="entry-name" for={scoreInputId(pupil.id)}>
                {pupil.name}
              </label>
              <ScoreField
                id={scoreInputId(pupil.id)}
                type={props.type}
                levels={props.levels}
                pupilName={pupil.name}
                value={props.values[pupil.id] ?? ''}
                onInput={(value) => props.onChange(pupil.id, value)}
                onBlur={() => setLeft((s) => (s.has(pupil.id) ? s : new Set(s).add(pupil.id)))}
                onKeyDown={next(i)}
                errorId={errorId}
              />
              {problem && errorId ? (
                <p id={errorId} class="field-error entry-error">
                  <span aria-hidden="true">⚠ </span>
                  {t('achievements:invalidValue', {
                    raw: props.values[pupil.id] ?? '',
                    reason: scoreProblem(problem, props.type, props.levels),
                  })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
