import { Component } from 'preact';
import type { TargetedFocusEvent, TargetedKeyboardEvent, TargetedPointerEvent } from 'preact';
import { t } from '../../i18n';
import type { LiveLessonStore } from './liveStore';
import { findNeighbour, findRowEdge, isArrowKey } from './model';
import { PupilTile, type TilePupil } from './PupilTile';

interface TileGridProps {
  /** Rows of seats (row 0 = front); null is an empty seat. */
  cells: Array<Array<TilePupil | null>>;
  cols: number;
  store: LiveLessonStore;
  onTap: (pupilId: string) => void;
  onMore: (pupilId: string) => void;
  /** A line about the lesson (topic, date, time), drawn in the strip at the front. */
  info?: string;
}

/**
 * The class as a grid of tiles in seating order. A class component so it can refuse to
 * re-render when its (stable) props did not change: a tap only re-renders its own tile.
 *
 * Keyboard: the grid is one Tab stop (roving tabindex, moved in the DOM so no tile re-renders);
 * arrows move as the pupils sit, jumping over empty seats; Home/End go to the row's ends,
 * Ctrl+Home/End to the first and last pupil. None of them scrolls the page.
 */
export class TileGrid extends Component<TileGridProps> {
  override shouldComponentUpdate(next: TileGridProps): boolean {
    const p = this.props;
    return (
      next.cells !== p.cells ||
      next.cols !== p.cols ||
      next.store !== p.store ||
      next.onTap !== p.onTap ||
      next.onMore !== p.onMore ||
      next.info !== p.info
    );
  }

  /** The tile that is the grid's Tab stop, once focus has moved within the grid. */
  private stop: HTMLElement | null = null;

  /**
   * Whichever tile gets focus (by key, mouse click or script) becomes the grid's one Tab stop.
   * A click focuses its tile (a finger's tap does not: `onPointerDown`): when it already is the
   * stop nothing is touched, else only the old stop and the new one (the grid is searched once,
   * for the stop it was drawn with).
   */
  private onFocusIn = (e: TargetedFocusEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target === this.stop || !target.classList.contains('tile-main')) return;
    const old = this.stop?.isConnected
      ? [this.stop]
      : e.currentTarget.querySelectorAll<HTMLElement>('.tile-main[tabindex="0"]');
    old.forEach((el) => {
      if (el !== target) el.tabIndex = -1;
    });
    target.tabIndex = 0;
    this.stop = target;
  };

  /**
   * A finger's tap does not move focus into the grid (a touch screen shows no focus, and moving it
   * costs the tap a style pass before its frame): the compatibility mouse events, which would
   * focus the tile, are cancelled; the click still comes. Once focus is in the grid (a keyboard
   * as well as a finger), it follows the tap as before, so a key logs for the pupil tapped last.
   * A mouse or pen always focuses what it clicks.
   */
  private onPointerDown = (e: TargetedPointerEvent<HTMLDivElement>) => {
    if (e.pointerType !== 'touch' || e.currentTarget.contains(document.activeElement)) return;
    if ((e.target as Element).closest('.tile-main, .tile-more')) e.preventDefault();
  };

  private onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!target.classList.contains('tile-main')) return;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    const { cells } = this.props;
    let next: { row: number; col: number } | null = null;
    if (isArrowKey(e.key)) next = findNeighbour(cells, row, col, e.key);
    else if (e.key === 'Home' || e.key === 'End') {
      next = findRowEdge(cells, e.ctrlKey || e.metaKey ? null : row, e.key === 'Home');
    } else return;
    e.preventDefault();
    if (!next) return;
    e.currentTarget
      .querySelector<HTMLElement>(`.tile-main[data-row="${next.row}"][data-col="${next.col}"]`)
      ?.focus();
  };

  override render({ cells, cols, store, onTap, onMore, info }: TileGridProps) {
    let firstSeen = false;
    return (
      <div class="live-room" style={{ '--cols': String(cols), '--rows': String(cells.length) }}>
        <p class="live-front">
          {info ? <span class="live-info-line">{info}</span> : null}
          <span class="live-front-label">
            <span aria-hidden="true">▭ </span>
            {t('logging:live.front')}
          </span>
        </p>
        <div
          class="live-grid"
          role="group"
          aria-label={t('logging:live.gridLabel')}
          onKeyDown={this.onKeyDown}
          onFocusIn={this.onFocusIn}
          onPointerDown={this.onPointerDown}
        >
          {cells.map((row, r) =>
            row.map((pupil, c) => {
              if (!pupil) {
                return <div key={`empty-${r}-${c}`} class="seat-empty" aria-hidden="true" />;
              }
              const first = !firstSeen;
              firstSeen = true;
              return (
                <PupilTile
                  key={pupil.id}
                  pupil={pupil}
                  row={r}
                  col={c}
                  first={first}
                  store={store}
                  onTap={onTap}
                  onMore={onMore}
                />
              );
            }),
          )}
        </div>
      </div>
    );
  }
}
