import { rateRelationship, type RelationshipsData } from '../../db/repo/relationships';
import type { IsoDate } from '../../model/types';
import { t } from '../../i18n';
import type { Outcome } from '../expectations/ExpectationPass';
import { PassProgress } from '../expectations/PassProgress';
import { usePass } from '../expectations/usePass';
import { RelationshipCard } from './RelationshipCard';

interface RelationshipPassProps {
  view: RelationshipsData;
  /** Pupil ids in seating order, fixed when the round starts. */
  queue: readonly string[];
  today: IsoDate;
  onDone: (outcomes: Map<string, Outcome>) => void;
}

/** One pupil per card: three numbers and an optional note, then the next pupil. */
export function RelationshipPass({ view, queue, today, onDone }: RelationshipPassProps) {
  const { index, pupilId, pupil, nameRef, busy, move, save, stop } = usePass({
    queue,
    pupils: view.pupils,
    ns: 'relationships',
    onDone,
  });
  if (!pupil) return null;

  return (
    <section class="card round-card rel-pass" aria-labelledby="rel-pass-name">
      <PassProgress current={index + 1} total={queue.length} ns="relationships" />
      <h2 id="rel-pass-name" ref={nameRef} tabIndex={-1}>
        {pupil.name}
      </h2>
      <RelationshipCard
        key={pupilId}
        pupil={pupil}
        todays={view.today.get(pupilId)}
        previous={view.previous.get(pupilId)}
        busy={busy}
        onSave={(values) =>
          void save(() => rateRelationship({ classId: view.cls.id, pupilId, ...values }, today))
        }
      />
      <div class="round-nav rel-nav">
        <button type="button" disabled={busy || index === 0} onClick={() => move(null, -1)}>
          <span aria-hidden="true">←</span> {t('relationships:pass.back')}
        </button>
        <button type="button" disabled={busy} onClick={() => move('skipped')}>
          {t('relationships:pass.skip')}
        </button>
      </div>
      <button type="button" class="link round-stop" onClick={stop}>
        {t('relationships:pass.stop')}
      </button>
    </section>
  );
}
