import { t } from '../../i18n';

interface RoundStartProps {
  /** Current pupils in seating order. */
  pupilIds: readonly string[];
  /** Whether a pupil already has a rating from today. */
  ratedToday: (id: string) => boolean;
  ns: 'expectations' | 'relationships';
  onStart: (queue: string[]) => void;
}

/** Starts a round: everyone, or only those still open when a round is under way today. */
export function RoundStart({ pupilIds, ratedToday, ns, onStart }: RoundStartProps) {
  const all = [...pupilIds];
  const open = all.filter((id) => !ratedToday(id));
  const started = open.length < all.length;
  return (
    <div class="card round-start">
      {!started ? (
        <button type="button" class="primary round-start-main" onClick={() => onStart(all)}>
          {t(`${ns}:start.all`, { count: all.length })}
        </button>
      ) : null}
      {started && open.length > 0 ? (
        <button type="button" class="primary round-start-main" onClick={() => onStart(open)}>
          {t(`${ns}:start.rest`, { count: open.length })}
        </button>
      ) : null}
      {started ? (
        <button type="button" onClick={() => onStart(all)}>
          {t(`${ns}:start.again`)}
        </button>
      ) : null}
      <p class="muted">{t(`${ns}:start.hint`)}</p>
    </div>
  );
}
