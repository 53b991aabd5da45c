import { useRef } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import type { PupilRecord, Seat } from '../../model/types';
import { neighbourSeat, seatKey, type Direction, type Grid } from '../../domain/seating';
import { t } from '../../i18n';
import { pupilSeatLabel, seatPosition } from './seatText';
import { useSeatDrag } from './useSeatDrag';

interface SeatGridProps {
  /** From layoutSeats: the first `grid.rows` rows are the classroom, the rest are unseated. */
  cells: Array<Array<PupilRecord | null>>;
  grid: Grid;
  selectedId: string | null;
  dragEnabled: boolean;
  onSelect: (pupil: PupilRecord | null) => void;
  onMove: (pupilId: string, seat: Seat) => void;
  onArrow: (pupil: PupilRecord, direction: Direction) => void;
  onHint: () => void;
}

const ARROWS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

const parseKey = (key: string | undefined): Seat | null => {
  const [row, col] = (key ?? '').split(':').map(Number);
  return row === undefined || col === undefined || Number.isNaN(row) || Number.isNaN(col)
    ? null
    : { row, col };
};

/** Long single words get a smaller font so they break less often inside a small tile. */
const longestWord = (name: string) => Math.max(...name.split(/\s+/).map((w) => w.length));

/**
 * The classroom as the teacher sees it, the board at the top. Tap (or Enter) a pupil to select
 * them, then a seat to move them there; arrow keys move a selected pupil, otherwise the focus.
 */
export function SeatGrid(props: SeatGridProps) {
  const { cells, grid, selectedId } = props;
  const root = useRef<HTMLDivElement>(null);
  const drag = useSeatDrag(props.dragEnabled, (pupilId, key) => {
    const seat = parseKey(key);
    if (seat) props.onMove(pupilId, seat);
  });
  const byId = new Map(cells.flat().flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const classroom = cells.slice(0, grid.rows);
  const unseated = cells.slice(grid.rows).flat();

  const clickPupil = (pupil: PupilRecord, seat: Seat | null) => {
    if (drag.consumeClick()) return;
    if (pupil.id === selectedId) props.onSelect(null);
    else if (selectedId && seat) props.onMove(selectedId, seat);
    else props.onSelect(pupil);
  };
  const clickEmpty = (seat: Seat) => {
    if (drag.consumeClick()) return;
    if (selectedId) props.onMove(selectedId, seat);
    else props.onHint();
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (e.key === 'Escape' && selectedId) {
      e.preventDefault();
      props.onSelect(null);
      return;
    }
    const direction = ARROWS[e.key];
    const seat = parseKey(target?.dataset.seat);
    if (!direction || !seat || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const pupil = target?.dataset.pupil ? byId.get(target.dataset.pupil) : undefined;
    if (pupil && pupil.id === selectedId) {
      props.onArrow(pupil, direction);
      return;
    }
    const next = neighbourSeat(seat, direction, grid);
    if (next) root.current?.querySelector<HTMLElement>(`[data-seat="${seatKey(next)}"]`)?.focus();
  };

  const tile = (pupil: PupilRecord, seat: Seat | null) => {
    const selected = pupil.id === selectedId;
    const cls = ['seat', 'seat-pupil'];
    if (selected) cls.push('is-selected');
    if (drag.draggingId === pupil.id) cls.push('is-drag-source');
    return (
      <button
        type="button"
        class={cls.join(' ')}
        aria-pressed={selected}
        aria-label={pupilSeatLabel(pupil)}
        data-pupil={pupil.id}
        data-seat={seat ? seatKey(seat) : undefined}
        onPointerDown={(e) => drag.onPointerDown(e, pupil.id)}
        onClick={() => clickPupil(pupil, seat)}
      >
        {selected ? (
          <span class="seat-mark" aria-hidden="true">
            ✓
          </span>
        ) : null}
        <span class={longestWord(pupil.name) > 6 ? 'seat-name is-long' : 'seat-name'}>
          {pupil.name}
        </span>
      </button>
    );
  };

  return (
    <div
      ref={root}
      class={`seating${props.dragEnabled ? ' can-drag' : ''}${selectedId ? ' has-selection' : ''}`}
      onKeyDown={onKeyDown}
    >
      <div class="seat-scroll">
        <div class="board" aria-hidden="true">
          {t('seating:board')}
        </div>
        <div
          class="seat-grid"
          role="group"
          aria-label={t('seating:planLabel')}
          style={{
            gridTemplateColumns: `repeat(${grid.cols}, minmax(var(--seat-min), 1fr))`,
            // Tiles stay tile-sized on a wide screen instead of stretching across it.
            maxWidth: `${grid.cols * 150}px`,
          }}
        >
          {classroom.flatMap((row, r) =>
            row.map((pupil, c) => {
              const seat = { row: r, col: c };
              const key = seatKey(seat);
              const over = drag.overKey === key ? ' is-over' : '';
              if (pupil)
                return (
                  <div key={key} class={`seat-cell${over}`}>
                    {tile(pupil, seat)}
                  </div>
                );
              return (
                <div key={key} class={`seat-cell${over}`}>
                  <button
                    type="button"
                    class="seat seat-empty"
                    aria-label={t('seating:seatEmpty', seatPosition(seat))}
                    data-seat={key}
                    onClick={() => clickEmpty(seat)}
                  />
                </div>
              );
            }),
          )}
        </div>
      </div>
      {unseated.length > 0 ? (
        <section class="unseated" aria-labelledby="unseated-heading">
          <h2 id="unseated-heading">{t('seating:unseatedHeading')}</h2>
          <p class="muted">{t('seating:unseatedHint')}</p>
          <ul class="unseated-list">
            {unseated.map((p) => (p ? <li key={p.id}>{tile(p, null)}</li> : null))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
