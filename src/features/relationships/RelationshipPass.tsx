import { useEffect, useRef, useState } from 'preact/hooks';
import { rateRelationship, type RelationshipsView } from '../../db/repo/relationships';
import type { IsoDate } from '../../db/types';
import { t } from '../../i18n';
import type { Outcome } from '../expectations/ExpectationPass';
import { PassProgress } from '../expectations/PassProgress';
import { guardedWrite } from '../expectations/write';
import { RelationshipCard, type RelationshipValues } from './RelationshipCard';

interface RelationshipPassProps {
  view: RelationshipsView;
  /** Pupil ids in seating order, fixed when the round starts. */
  queue: readonly string[];
  today: IsoDate;
  onDone: (outcomes: Map<string, Outcome>) => void;
}

/** One pupil per card: three numbers and an optional note, then the next pupil. */
export function RelationshipPass({ view, queue, today, onDone }: RelationshipPassProps) {
  const [index, setIndex] = useState(0);
  const [outcomes, setOutcomes] = useState<Map<string, Outcome>>(() => new Map());
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLHeadingElement>(null);
  const pupilId = queue[index] ?? '';
  const pupil = view.pupils.find((p) => p.id === pupilId);

  useEffect(() => {
    nameRef.current?.focus();
  }, [index]);

  const move = (outcome: Outcome | null, step: 1 | -1 = 1) => {
    const next = new Map(outcomes);
    if (outcome) next.set(pupilId, outcome);
    setOutcomes(next);
    const to = index + step;
    if (to >= queue.length) onDone(next);
    else setIndex(Math.max(0, to));
  };

  // A pupil removed from the class while the round runs is passed over.
  useEffect(() => {
    if (!pupil && pupilId) move(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pupil, pupilId]);
  if (!pupil) return null;

  const save = async (values: RelationshipValues) => {
    if (busy) return;
    setBusy(true);
    const ok = await guardedWrite('relationships', () =>
      rateRelationship({ classId: view.cls.id, pupilId, ...values }, today),
    );
    setBusy(false);
    if (ok) move('rated');
  };

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
        onSave={(values) => void save(values)}
      />
      <div class="round-nav rel-nav">
        <button type="button" disabled={busy || index === 0} onClick={() => move(null, -1)}>
          <span aria-hidden="true">←</span> {t('relationships:pass.back')}
        </button>
        <button type="button" disabled={busy} onClick={() => move('skipped')}>
          {t('relationships:pass.skip')}
        </button>
      </div>
      <button type="button" class="link round-stop" onClick={() => onDone(outcomes)}>
        {t('relationships:pass.stop')}
      </button>
    </section>
  );
}
