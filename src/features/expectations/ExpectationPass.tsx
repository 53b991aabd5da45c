import { useState } from 'preact/hooks';
import { CONFIDENCES, rateExpectation, type ExpectationsData } from '../../db/repo/expectations';
import type { Confidence, IsoDate } from '../../model/types';
import { scaleLabels } from '../../domain/scales';
import { t } from '../../i18n';
import { confidenceLabel, previousExpectationText, ratingLabel } from './labels';
import { PassProgress } from './PassProgress';
import { usePass } from './usePass';

/** What happened to a pupil during a round (only "rated" is stored; the rest is for the summary). */
export type Outcome = 'rated' | 'skipped' | 'notSure';

interface ExpectationPassProps {
  view: ExpectationsData;
  /** Pupil ids in seating order, fixed when the round starts so nobody jumps away mid-round. */
  queue: readonly string[];
  today: IsoDate;
  /** Called after the last pupil, or when the teacher stops early. */
  onDone: (outcomes: Map<string, Outcome>) => void;
}

/**
 * One pupil per card: tapping a step saves it and shows the next pupil, so a class of 30 takes
 * one tap each. "How sure" is optional and chosen before the step.
 */
export function ExpectationPass({ view, queue, today, onDone }: ExpectationPassProps) {
  const [confidence, setConfidence] = useState<Confidence | null>(
    () => view.today.get(queue[0] ?? '')?.confidence ?? null,
  );
  const { index, pupilId, pupil, nameRef, busy, move, save, stop } = usePass({
    queue,
    pupils: view.pupils,
    ns: 'expectations',
    onDone,
    onArrive: (id) => setConfidence(view.today.get(id)?.confidence ?? null),
  });
  if (!pupil) return null;
  const scale = view.cls.expectationScale;
  const todays = view.today.get(pupilId);
  const rate = (value: number) =>
    save(() => rateExpectation({ classId: view.cls.id, pupilId, value, confidence }, today));

  // "Next" keeps today's choice; a changed "how sure" is saved with it.
  const keep = () =>
    todays && confidence !== todays.confidence ? void rate(todays.value) : move('rated');

  const labels = scaleLabels(scale, (key) => t(key));
  const todayLabel = todays ? ratingLabel(scale, todays) : null;
  return (
    <section class="card round-card exp-pass" aria-labelledby="exp-pass-name">
      <PassProgress current={index + 1} total={queue.length} ns="expectations" />
      <h2 id="exp-pass-name" ref={nameRef} tabIndex={-1}>
        {pupil.name}
      </h2>
      <p class="exp-previous">{previousExpectationText(scale, view.previous.get(pupilId))}</p>
      {todayLabel ? (
        <p class="exp-today">{t('expectations:pass.today', { label: todayLabel })}</p>
      ) : null}
      <div class="exp-sure" role="group" aria-labelledby="exp-sure-label">
        <span id="exp-sure-label" class="exp-sure-label">
          {t('expectations:pass.sure')}
        </span>
        <div class="exp-sure-options">
          {CONFIDENCES.map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={confidence === c}
              onClick={() => setConfidence(confidence === c ? null : c)}
            >
              <Tick on={confidence === c} />
              {confidenceLabel(c)}
            </button>
          ))}
        </div>
      </div>
      <div
        class={labels.length > 6 ? 'exp-steps exp-steps-many' : 'exp-steps'}
        role="group"
        aria-labelledby="exp-steps-label"
      >
        <p id="exp-steps-label" class="exp-steps-label">
          {t('expectations:pass.steps', { name: pupil.name })}
        </p>
        {labels.map((label, value) => (
          <button
            key={label}
            type="button"
            class="exp-step"
            aria-pressed={todays?.value === value}
            disabled={busy}
            onClick={() => void rate(value)}
          >
            <Tick on={todays?.value === value} />
            {label}
          </button>
        ))}
      </div>
      <div class="round-nav">
        <button type="button" disabled={busy || index === 0} onClick={() => move(null, -1)}>
          <span aria-hidden="true">←</span> {t('expectations:pass.back')}
        </button>
        {todays ? (
          <button type="button" disabled={busy} onClick={keep}>
            {t('expectations:pass.next')}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => move('skipped')}>
            {t('expectations:pass.skip')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => move('notSure')}>
          {t('expectations:pass.notSure')}
        </button>
      </div>
      <button type="button" class="link round-stop" onClick={stop}>
        {t('expectations:pass.stop')}
      </button>
    </section>
  );
}

/** A visible tick next to a chosen option, so colour is not the only sign (aria-pressed tells AT). */
function Tick({ on }: { on: boolean }) {
  return on ? <span aria-hidden="true">✓</span> : null;
}
