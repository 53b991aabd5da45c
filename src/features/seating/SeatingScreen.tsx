import { useEffect, useRef, useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { autoArrange, loadSeatingData, moveSeat, resizeGrid } from '../../db/repo/seating';
import { runAction } from '../../db/status';
import type { PupilRecord, Seat } from '../../model/types';
import {
  layoutSeats,
  neighbourSeat,
  seatKey,
  type Direction,
  type Grid,
  type SeatChange,
} from '../../domain/seating';
import { t } from '../../i18n';
import { invalidMessage } from '../../ui/invalid';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Screen } from '../../ui/Screen';
import { GridSteppers } from './GridSteppers';
import { SeatGrid } from './SeatGrid';
import { movedText } from './seatText';
import { useMediaQuery, WIDE_QUERY } from '../../ui/useMediaQuery';
import './seating.css';

/** The seating plan of one class: move pupils, resize the room, seat alphabetically. */
export function SeatingScreen({ classId }: { classId: string }) {
  const plan = useLiveQuery(() => loadSeatingData(classId), [classId]);
  const wide = useMediaQuery(WIDE_QUERY);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [confirmArrange, setConfirmArrange] = useState(false);
  const busy = useRef(false);
  // After an arrow-key move the focus follows the pupil once the plan has re-rendered.
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const key = pendingFocus.current;
    if (!key || !plan) return;
    const el = document.querySelector<HTMLElement>(`.seat-grid [data-seat="${key}"]`);
    if (el?.dataset.pupil) {
      pendingFocus.current = null;
      el.focus();
    }
  }, [plan]);

  const back = href('class', classId);
  if (plan === undefined) {
    return (
      <Screen title={t('seating:titlePlain')} back={back}>
        <p class="loading">{t('common:loading')}</p>
      </Screen>
    );
  }
  if (plan === null) {
    return (
      <Screen title={t('seating:titlePlain')} back="#/">
        <p>{t('seating:notFound')}</p>
        <a class="button" href="#/">
          {t('seating:toHome')}
        </a>
      </Screen>
    );
  }

  const names = new Map(plan.pupils.map((p) => [p.id, p.name]));
  const describe = (changes: SeatChange[]) =>
    changes.map((c) => movedText(names.get(c.id) ?? '', c.seat)).join(' ');

  /** Runs one write at a time; teacher-fixable refusals become a message, the rest the banner. */
  async function run(action: () => Promise<string | null>) {
    if (busy.current) return;
    busy.current = true;
    const done = await runAction(
      async () => {
        const message = await action();
        setError('');
        if (message !== null) setStatus(message);
        return true;
      },
      (e) => setError(invalidMessage('seating', e)),
    );
    if (!done) pendingFocus.current = null;
    busy.current = false;
  }

  const move = (pupilId: string, seat: Seat, keepSelection = false) =>
    run(async () => {
      const changes = await moveSeat(classId, pupilId, seat);
      if (!keepSelection) setSelectedId(null);
      return changes.length ? describe(changes) : null;
    });

  const arrow = (pupil: PupilRecord, direction: Direction) => {
    const next = pupil.seat ? neighbourSeat(pupil.seat, direction, plan.grid) : null;
    if (!next) {
      setStatus(t('seating:status.edge', { name: pupil.name }));
      return;
    }
    pendingFocus.current = seatKey(next);
    void move(pupil.id, next, true);
  };

  const resize = (grid: Grid) =>
    run(async () => {
      const changes = await resizeGrid(classId, grid.rows, grid.cols);
      const moved = changes.length
        ? ' ' + t('seating:status.resizedMoved', { count: changes.length })
        : '';
      return t('seating:status.resized', { rows: grid.rows, cols: grid.cols }) + moved;
    });

  const select = (pupil: PupilRecord | null) => {
    setSelectedId(pupil?.id ?? null);
    setError('');
    setStatus(
      pupil ? t('seating:status.selected', { name: pupil.name }) : t('seating:status.cancelled'),
    );
  };

  return (
    <Screen title={t('seating:title', { name: plan.className })} back={back} wide>
      <p class="muted seating-intro">
        {t('seating:intro')} {t('seating:howToTap')} {wide ? t('seating:howToWide') : null}
      </p>
      {plan.pupils.length === 0 ? (
        <div class="card">
          <p>{t('seating:noPupils')}</p>
          <a class="button primary" href={href('class', classId, 'pupils')}>
            {t('seating:addPupils')}
          </a>
        </div>
      ) : null}
      <SeatGrid
        cells={layoutSeats(plan.pupils, plan.grid)}
        grid={plan.grid}
        selectedId={selectedId}
        dragEnabled={wide}
        onSelect={select}
        onMove={(pupilId, seat) => void move(pupilId, seat)}
        onArrow={arrow}
        onHint={() => setStatus(t('seating:status.pickPupilFirst'))}
      />
      <p class="seating-status" role="status">
        {status}
      </p>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <h2>{t('seating:sizeHeading')}</h2>
      <GridSteppers grid={plan.grid} onResize={(g) => void resize(g)} />
      {plan.pupils.length > 1 ? (
        <p>
          <button type="button" onClick={() => setConfirmArrange(true)}>
            {t('seating:arrange')}
          </button>
        </p>
      ) : null}
      <ConfirmDialog
        open={confirmArrange}
        title={t('seating:arrangeTitle')}
        body={t('seating:arrangeBody')}
        confirmLabel={t('seating:arrangeConfirm')}
        onCancel={() => setConfirmArrange(false)}
        onConfirm={() => {
          setConfirmArrange(false);
          setSelectedId(null);
          void run(async () => {
            await autoArrange(classId, 'alphabetical');
            return t('seating:status.arranged');
          });
        }}
      />
    </Screen>
  );
}
