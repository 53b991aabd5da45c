import { useEffect, useRef, useState } from 'preact/hooks';
import {
  addResult,
  deleteAchievement,
  restoreAchievements,
  updateScore,
  type AssessmentRef,
} from '../../db/repo/achievements';
import { runAction } from '../../db/status';
import type { AchievementRecord, PupilRecord } from '../../model/types';
import { parseScore } from '../../domain/scores';
import { t } from '../../i18n';
import { invalidMessage } from '../../ui/invalid';
import { deleteWithUndo } from '../../ui/deleteWithUndo';
import { ScoreField } from './ScoreField';
import { editableScore, formatScore, scoreProblem } from './scoreText';

interface ResultRowProps {
  pupil: PupilRecord;
  /** The pupil's result in this assessment, if any. */
  record: AchievementRecord | undefined;
  assessment: AssessmentRef;
  levels: readonly string[];
  /** Pupils who left the class keep their result but get no new one. */
  canAdd: boolean;
}

function removeWithUndo(record: AchievementRecord, name: string): Promise<boolean> {
  return deleteWithUndo({
    remove: () => deleteAchievement(record.id),
    undo: () => restoreAchievements([record]),
    message: t('achievements:detail.removed', { name }),
  });
}

/** One pupil's score in an assessment, corrected (or added) in place. */
export function ResultRow({ pupil, record, assessment, levels, canAdd }: ResultRowProps) {
  const type = assessment.scoreType;
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Focus goes into the field when editing starts and back to the button when it ends.
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement | HTMLSelectElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (editing) field.current?.focus();
    else if (opened.current) button.current?.focus();
    opened.current ||= editing;
  }, [editing]);

  const start = () => {
    setValue(record ? editableScore(type, record.score, levels) : '');
    setError(null);
    setEditing(true);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const result = parseScore(value, type, levels);
    if (result.kind === 'invalid') {
      const reason = scoreProblem(result.code, type, levels);
      return setError(t('achievements:invalidValue', { raw: value.trim(), reason }));
    }
    if (result.kind === 'empty') return setError(t('achievements:detail.emptyScore'));
    await runAction(
      async () => {
        if (record) await updateScore(record.id, result.value);
        else await addResult(assessment, pupil.id, result.value);
        setEditing(false);
      },
      (e) => setError(invalidMessage('achievements', e)),
    );
  };

  const fieldId = `edit-${pupil.id}`;
  if (editing) {
    return (
      <li class="result-row editing">
        <form onSubmit={(e) => void save(e)} noValidate>
          <label class="entry-name" for={fieldId}>
            {pupil.name}
          </label>
          <ScoreField
            id={fieldId}
            type={type}
            levels={levels}
            pupilName={pupil.name}
            value={value}
            onInput={setValue}
            inputRef={field}
            errorId={error ? `${fieldId}-error` : null}
          />
          {error ? (
            <p id={`${fieldId}-error`} class="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <div class="row result-actions">
            <button type="submit" class="primary">
              {t('common:save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('common:cancel')}
            </button>
            {record ? (
              <button
                type="button"
                class="danger"
                onClick={() => {
                  setEditing(false);
                  void removeWithUndo(record, pupil.name);
                }}
              >
                {t('achievements:detail.removeResult')}
              </button>
            ) : null}
          </div>
        </form>
      </li>
    );
  }

  return (
    <li class="result-row">
      <span class="result-name">{pupil.name}</span>
      {record ? (
        <strong class="result-score">{formatScore(type, record.score, levels)}</strong>
      ) : (
        <span class="result-none">{t('achievements:detail.noResult')}</span>
      )}
      {record || canAdd ? (
        <button
          ref={button}
          type="button"
          class="result-edit"
          aria-label={
            record
              ? t('achievements:detail.changeLabel', { name: pupil.name })
              : t('achievements:detail.addLabel', { name: pupil.name })
          }
          onClick={start}
        >
          {record ? t('achievements:detail.change') : t('achievements:detail.add')}
        </button>
      ) : null}
    </li>
  );
}
