import { useState } from 'preact/hooks';
import { codingKey, isRightCoding, PRACTICE_MOMENTS, type Coding } from '../../domain/codingGuide';
import { t } from '../../i18n';
import { codingLabel } from './codingLabel';

/**
 * About eight example moments, one at a time: the teacher picks what they would tap, and gets
 * feedback with the reason. Nothing is stored; the score is only for the teacher.
 */
export function PracticeRound() {
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<Coding | null>(null);
  const [right, setRight] = useState(0);
  const total = PRACTICE_MOMENTS.length;

  if (index >= total) {
    return (
      <div class="guide-practice-done">
        <p role="status">{t('guide:practice.score', { right, count: total })}</p>
        <button
          type="button"
          onClick={() => {
            setIndex(0);
            setRight(0);
            setChosen(null);
          }}
        >
          {t('guide:practice.again')}
        </button>
      </div>
    );
  }

  const moment = PRACTICE_MOMENTS[index]!;
  const isRight = chosen !== null && isRightCoding(moment, chosen);
  const questionId = `guide-moment-${moment.id}`;
  const choose = (c: Coding) => {
    if (chosen) return;
    setChosen(c);
    if (isRightCoding(moment, c)) setRight((n) => n + 1);
  };

  return (
    <div class="guide-practice">
      <p class="muted">{t('guide:practice.progress', { n: index + 1, count: total })}</p>
      <p id={questionId} class="guide-moment">
        {t(`guide:practice.moments.${moment.id}.text`)}
      </p>
      <div class="guide-options" role="group" aria-labelledby={questionId}>
        {moment.options.map((o) => {
          const key = codingKey(o);
          const picked = chosen !== null && codingKey(chosen) === key;
          const answer = chosen !== null && codingKey(moment.answer) === key;
          return (
            <button
              key={key}
              type="button"
              class={`guide-option${picked ? ' picked' : ''}${answer ? ' answer' : ''}`}
              aria-pressed={picked}
              disabled={chosen !== null && !picked}
              onClick={() => choose(o)}
            >
              {codingLabel(o)}
            </button>
          );
        })}
      </div>
      {chosen ? (
        <div class="guide-feedback" role="status">
          <p>
            <strong>
              {isRight
                ? t('guide:practice.right')
                : t('guide:practice.wrong', { answer: codingLabel(moment.answer) })}
            </strong>{' '}
            {t(`guide:practice.moments.${moment.id}.why`)}
          </p>
          <button
            type="button"
            class="primary"
            onClick={() => {
              setIndex((i) => i + 1);
              setChosen(null);
            }}
          >
            {index + 1 < total ? t('guide:practice.next') : t('guide:practice.finish')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
