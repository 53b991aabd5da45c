import { useEffect, useRef } from 'preact/hooks';
import type { PupilRecord } from '../../model/types';
import { t } from '../../i18n';
import type { Outcome } from './ExpectationPass';

interface PassSummaryProps {
  pupils: readonly PupilRecord[];
  outcomes: ReadonlyMap<string, Outcome>;
  /** The round's pupils: those without an outcome were not reached (the round was stopped). */
  queue: readonly string[];
  ns: 'expectations' | 'relationships';
  /** Goes through the given pupils (skipped and not sure) once more. */
  onAgain: (ids: string[]) => void;
  onClose: () => void;
}

/** The end of a round: how many were rated, and who is still open, without judgement. */
export function PassSummary({ pupils, outcomes, queue, ns, onAgain, onClose }: PassSummaryProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const having = (o: Outcome) => pupils.filter((p) => outcomes.get(p.id) === o);
  const rated = having('rated').length;
  const skipped = having('skipped');
  const notSure = having('notSure');
  const notReached = pupils.filter((p) => queue.includes(p.id) && !outcomes.has(p.id));
  const open = [...skipped, ...notSure, ...notReached].map((p) => p.id);
  const names = (list: PupilRecord[]) => list.map((p) => p.name).join(', ');
  return (
    <section class="card round-card" aria-labelledby="pass-summary-title">
      <h2 id="pass-summary-title" ref={heading} tabIndex={-1}>
        {t(`${ns}:summary.title`)}
      </h2>
      <p class="round-summary-main">{t(`${ns}:summary.rated`, { count: rated })}</p>
      {skipped.length > 0 ? <p>{t(`${ns}:summary.skipped`, { names: names(skipped) })}</p> : null}
      {notSure.length > 0 ? (
        <>
          <p>{t(`${ns}:summary.notSure`, { names: names(notSure) })}</p>
          <p class="muted">{t(`${ns}:summary.notSureNote`)}</p>
        </>
      ) : null}
      {notReached.length > 0 ? (
        <p>{t(`${ns}:summary.notReached`, { names: names(notReached) })}</p>
      ) : null}
      <div class="round-summary-actions">
        {open.length > 0 ? (
          <button type="button" onClick={() => onAgain(open)}>
            {t(`${ns}:summary.again`, { count: open.length })}
          </button>
        ) : null}
        <button type="button" class="primary" onClick={onClose}>
          {t(`${ns}:summary.done`)}
        </button>
      </div>
    </section>
  );
}
