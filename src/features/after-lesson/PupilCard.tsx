import { emptyKindCounts, type PupilLiveAfterCounts } from '../../db/repo/afterLesson';
import type { PupilRecord } from '../../model/types';
import type { InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { Stepper } from './Stepper';

interface PupilCardProps {
  pupil: PupilRecord;
  counts: PupilLiveAfterCounts | undefined;
  kinds: readonly InteractionKind[];
  absent: boolean;
  onStep: (pupilId: string, kind: InteractionKind, delta: 1 | -1) => void;
  onToggleAbsent: (pupilId: string, absent: boolean) => void;
}

/** One pupil: the turn stepper up front, the other visible kinds in a row below it. */
export function PupilCard({
  pupil,
  counts,
  kinds,
  absent,
  onStep,
  onToggleAbsent,
}: PupilCardProps) {
  const c = counts ?? emptyKindCounts();
  const headingId = `after-pupil-${pupil.id}`;
  const hintId = `after-live-${pupil.id}`;
  const showLiveHint = kinds.some((k) => c[k].after === 0 && c[k].live > 0);
  const [first, ...rest] = kinds;
  const stepper = (kind: InteractionKind, big = false) => (
    <Stepper
      key={kind}
      kind={kind}
      big={big}
      pupilName={pupil.name}
      count={c[kind]}
      liveHintId={hintId}
      onIncrement={() => onStep(pupil.id, kind, 1)}
      onDecrement={() => onStep(pupil.id, kind, -1)}
    />
  );
  return (
    <li class={absent ? 'card after-card is-absent' : 'card after-card'}>
      <div class="after-card-head">
        <h2 id={headingId}>{pupil.name}</h2>
        <button
          type="button"
          class="after-absent"
          aria-pressed={absent}
          aria-label={t('after:absentFor', { name: pupil.name })}
          onClick={() => onToggleAbsent(pupil.id, !absent)}
        >
          <span aria-hidden="true">{absent ? '✓ ' : ''}</span>
          {t('after:absent')}
        </button>
      </div>
      {absent ? (
        <p class="after-absent-note">{t('after:absentNote')}</p>
      ) : (
        <>
          {/* Turn leads when visible; otherwise the first visible kind takes its place. */}
          {first ? stepper(first, true) : null}
          {rest.length > 0 ? (
            <div class="after-kinds" style={{ '--kinds': String(rest.length) }}>
              {rest.map((k) => stepper(k))}
            </div>
          ) : null}
          {showLiveHint ? (
            <p id={hintId} class="after-live-hint">
              {t('after:liveHint')}
            </p>
          ) : null}
        </>
      )}
    </li>
  );
}
