import { Component } from 'preact';
import type { TargetedKeyboardEvent } from 'preact';
import { t } from '../../i18n';
import type { LiveLessonStore } from './liveStore';
import { findNeighbour, isArrowKey } from './model';
import { PupilTile, type TilePupil } from './PupilTile';

interface TileGridProps {
  /** Rows of seats (row 0 = front); null is an empty seat. */
  cells: Array<Array<TilePupil | null>>;
  cols: number;
  store: LiveLessonStore;
  onTap: (pupilId: string) => void;
  onMore: (pupilId: string) => void;
}

/**
 * The class as a grid of tiles in seating order. A class component so it can refuse to
 * re-render when its (stable) props did not change: a tap only re-renders its own tile.
 */
export class TileGrid extends Component<TileGridProps> {
  override shouldComponentUpdate(next: TileGridProps): boolean {
    const p = this.props;
    return (
      next.cells !== p.cells ||
      next.cols !== p.cols ||
      next.store !== p.store ||
      next.onTap !== p.onTap ||
      next.onMore !== p.onMore
    );
  }

  /** Arrow keys move between tiles as they sit in the room, jumping over empty seats. */
  private onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!isArrowKey(e.key) || !target.classList.contains('tile-main')) return;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    const next = findNeighbour(this.props.cells, row, col, e.key);
    e.preventDefault();
    if (!next) return;
    e.currentTarget
      .querySelector<HTMLElement>(`.tile-main[data-row="${next.row}"][data-col="${next.col}"]`)
      ?.focus();
  };

  override render({ cells, cols, store, onTap, onMore }: TileGridProps) {
    return (
      <div class="live-room" style={{ '--cols': String(cols) }}>
        <p class="live-front">
          <span aria-hidden="true">▭ </span>
          {t('logging:live.front')}
        </p>
        <div
          class="live-grid"
          role="group"
          aria-label={t('logging:live.gridLabel')}
          onKeyDown={this.onKeyDown}
        >
          {cells.map((row, r) =>
            row.map((pupil, c) =>
              pupil ? (
                <PupilTile
                  key={pupil.id}
                  pupil={pupil}
                  row={r}
                  col={c}
                  store={store}
                  onTap={onTap}
                  onMore={onMore}
                />
              ) : (
                <div key={`empty-${r}-${c}`} class="seat-empty" aria-hidden="true" />
              ),
            ),
          )}
        </div>
      </div>
    );
  }
}
