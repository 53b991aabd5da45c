import type { KindCount } from '../../db/repo/afterLesson';
import { KIND_INFO, type InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';

interface StepperProps {
  kind: InteractionKind;
  pupilName: string;
  count: KindCount;
  /** The turn stepper is bigger: it is the kind a teacher logs most. */
  big?: boolean;
  /** Id of the hint explaining why − is disabled for live-only counts. */
  liveHintId: string;
  onIncrement: () => void;
  onDecrement: () => void;
}

/**
 * − count + for one kind and one pupil; − only takes back what was added afterwards. The big
 * (turn) stepper is a row; the compact ones are narrow columns with + on top, so six fit side by
 * side on a phone while every button stays 48 px.
 */
export function Stepper(props: StepperProps) {
  const { kind, pupilName, count } = props;
  const total = count.live + count.after;
  // Screen readers get the full kind name; the short one is for the narrow visible label.
  const names = { kind: t(`kinds:${kind}.label`), name: pupilName, count: total };
  const liveOnly = count.after === 0 && count.live > 0;
  const minus = (
    <button
      type="button"
      class="stepper-button"
      aria-label={t('after:stepper.decrease', names)}
      aria-describedby={liveOnly ? props.liveHintId : undefined}
      disabled={count.after === 0}
      onClick={props.onDecrement}
    >
      <span aria-hidden="true">−</span>
    </button>
  );
  const plus = (
    <button
      type="button"
      class="stepper-button"
      aria-label={t('after:stepper.increase', names)}
      onClick={props.onIncrement}
    >
      <span aria-hidden="true">+</span>
    </button>
  );
  const value = (
    <span class="stepper-count" aria-hidden="true">
      {formatNumber(total, 0)}
      {count.live > 0 ? (
        <span class="stepper-live">{t('after:stepper.live', { count: count.live })}</span>
      ) : null}
    </span>
  );
  const label = (
    <span class="stepper-label" aria-hidden="true">
      <span class="stepper-symbol">{KIND_INFO[kind].symbol}</span> {t(`kinds:${kind}.short`)}
    </span>
  );
  if (props.big) {
    // The label sits inside the row, under the count, to keep the card short.
    return (
      <div class="stepper stepper-big">
        {minus}
        <span class="stepper-middle">
          {value}
          {label}
        </span>
        {plus}
      </div>
    );
  }
  return (
    <div class="stepper stepper-compact">
      {label}
      {plus}
      {value}
      {minus}
    </div>
  );
}
