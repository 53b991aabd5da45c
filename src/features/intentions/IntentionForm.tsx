import { useState } from 'preact/hooks';
import type { ValidationError } from '../../model/errors';
import { createIntention, PER_LESSON_MAX, PER_LESSON_MIN } from '../../db/repo/intentions';
import { runAction } from '../../db/status';
import type { IntentionMeasure, LensRecord, PupilRecord } from '../../model/types';
import { addDays, toIsoDate } from '../../domain/dates';
import {
  qualitiesFor,
  type ExpectationGroup,
  type IntentionQuality,
} from '../../domain/intentions';
import type { InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';
import { describeIntention, type DescribeContext } from './describe';
import { MoreHelpFields } from './MoreHelpFields';
import { TargetFields, targetOf, type TargetState } from './TargetFields';

/** Kinds worth doing more of; corrections are left out (an intention here means "at least"). */
export const INTENTION_KINDS: readonly InteractionKind[] = [
  'turn',
  'followUp',
  'praise',
  'help',
  'personal',
];
/** Two weeks, counting today. */
const DEFAULT_DAYS = 13;

interface IntentionFormProps {
  classId: string;
  /** Current pupils, in seating order. */
  pupils: readonly PupilRecord[];
  lenses: readonly LensRecord[];
  groupSizes: Record<ExpectationGroup, number>;
  ctx: DescribeContext;
  onDone: () => void;
}

const TARGET_CODES = ['pupilRequired', 'lensRequired', 'targetInvalid'];
const DATE_CODES = ['dateInvalid', 'toBeforeFrom', 'periodTooLong'];

/** Setting an intention: for whom, what (kind, quality, how many per lesson) and for how long. */
export function IntentionForm(props: IntentionFormProps) {
  const [today] = useState(() => toIsoDate(new Date()));
  const [target, setTarget] = useState<TargetState>({
    who: 'pupil',
    pupilId: '',
    lensValue: '',
    group: 'low',
  });
  const [kind, setKind] = useState<InteractionKind>('followUp');
  const [quality, setQuality] = useState<IntentionQuality | ''>('');
  const [perLesson, setPerLesson] = useState(2);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(() => addDays(today, DEFAULT_DAYS));
  const [note, setNote] = useState('');
  const [moreHelpFor, setMoreHelpFor] = useState<string[]>([]);
  const [error, setError] = useState<ValidationError | null>(null);
  const [saving, setSaving] = useState(false);

  const qualities = qualitiesFor(kind);
  const measure: IntentionMeasure = quality ? { kind, quality, perLesson } : { kind, perLesson };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const done = await runAction(async () => {
      await createIntention({
        classId: props.classId,
        target: targetOf(target),
        measure,
        from,
        to,
        note,
        moreHelpFor,
      });
      showToast(t('intentions:form.saved'));
      props.onDone();
      return true;
    }, setError);
    if (!done) setSaving(false);
  };

  const code = error?.code ?? '';
  const errorId = 'intention-form-error';
  const message = error ? (
    <p id={errorId} class="field-error" role="alert">
      {t(`intentions:errors.${code}`, error.detail ?? {})}
    </p>
  ) : null;
  const invalidIf = (codes: string[]) =>
    codes.includes(code) ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const preview =
    target.who !== 'pupil' || target.pupilId
      ? describeIntention({ target: targetOf(target), measure }, props.ctx)
      : null;

  return (
    <form class="card intention-form" onSubmit={(e) => void submit(e)} noValidate>
      <TargetFields
        classId={props.classId}
        state={target}
        onChange={(patch) => setTarget((s) => ({ ...s, ...patch }))}
        pupils={props.pupils}
        lenses={props.lenses}
        groupSizes={props.groupSizes}
        errorId={TARGET_CODES.includes(code) ? errorId : undefined}
      />
      {TARGET_CODES.includes(code) ? message : null}
      <label class="field">
        <span>{t('intentions:form.kind')}</span>
        <select
          value={kind}
          onChange={(e) => {
            const next = e.currentTarget.value as InteractionKind;
            setKind(next);
            if (quality && !qualitiesFor(next).includes(quality)) setQuality('');
          }}
        >
          {INTENTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds:${k}.label`)}
            </option>
          ))}
        </select>
      </label>
      {qualities.length > 0 ? (
        <label class="field">
          <span>{t('intentions:form.quality')}</span>
          <select
            value={quality}
            onChange={(e) => setQuality(e.currentTarget.value as IntentionQuality | '')}
          >
            <option value="">{t('intentions:form.anyQuality')}</option>
            {qualities.map((q) => (
              <option key={q} value={q}>
                {t(`intentions:qualityLabel.${q}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div class="field">
        <label for="intention-per-lesson" class="intention-label">
          {t('intentions:form.perLesson')}
        </label>
        <div class="intention-stepper">
          <button
            type="button"
            aria-label={t('intentions:form.fewer', { count: perLesson })}
            disabled={perLesson <= PER_LESSON_MIN}
            onClick={() => setPerLesson((n) => Math.max(PER_LESSON_MIN, n - 1))}
          >
            <span aria-hidden="true">−</span>
          </button>
          <input
            id="intention-per-lesson"
            type="number"
            inputMode="numeric"
            min={PER_LESSON_MIN}
            max={PER_LESSON_MAX}
            value={perLesson}
            {...invalidIf(['perLessonRange'])}
            onChange={(e) => setPerLesson(Number(e.currentTarget.value))}
          />
          <button
            type="button"
            aria-label={t('intentions:form.more', { count: perLesson })}
            disabled={perLesson >= PER_LESSON_MAX}
            onClick={() => setPerLesson((n) => Math.min(PER_LESSON_MAX, n + 1))}
          >
            <span aria-hidden="true">+</span>
          </button>
        </div>
      </div>
      {code === 'perLessonRange' || code === 'qualityNotForKind' ? message : null}
      <div class="intention-dates">
        <label class="field">
          <span>{t('intentions:form.from')}</span>
          <input
            type="date"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
            {...invalidIf(DATE_CODES)}
          />
        </label>
        <label class="field">
          <span>{t('intentions:form.to')}</span>
          <input
            type="date"
            value={to}
            min={from}
            onInput={(e) => setTo(e.currentTarget.value)}
            {...invalidIf(DATE_CODES)}
          />
        </label>
      </div>
      {DATE_CODES.includes(code) ? message : null}
      <label class="field">
        <span>{t('intentions:form.note')}</span>
        <textarea
          rows={2}
          value={note}
          placeholder={t('intentions:form.notePlaceholder')}
          onInput={(e) => setNote(e.currentTarget.value)}
          {...invalidIf(['noteTooLong'])}
        />
      </label>
      {code === 'noteTooLong' || code === 'classNotFound' || code === 'kindInvalid'
        ? message
        : null}
      <MoreHelpFields
        pupils={props.pupils}
        chosen={moreHelpFor}
        onChange={setMoreHelpFor}
        error={error && code.startsWith('moreHelp') ? error : null}
      />
      {preview ? (
        <p class="intention-preview" aria-live="polite">
          <span class="muted">{t('intentions:form.preview')}</span> {preview}
        </p>
      ) : null}
      <div class="intention-form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {t('intentions:form.save')}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
