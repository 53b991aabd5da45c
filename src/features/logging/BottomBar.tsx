import type { ComponentChildren } from 'preact';
import type { InteractionEvent } from '../../model/types';
import { KIND_INFO, type InteractionKind, type QualifierName } from '../../model/kinds';
import { t } from '../../i18n';
import type { LiveLessonStore, LogEntry } from './liveStore';
import { useStoreVersion } from './useLiveStore';

/** The qualifier choices offered per qualifier, in the order they appear. */
const CHOICES: { [K in QualifierName]: readonly NonNullable<InteractionEvent[K]>[] } = {
  initiative: ['volunteered', 'called'],
  questionLevel: ['recall', 'higher'],
  waitTime: [true],
  praiseType: ['specific', 'general'],
  audience: ['class', 'private'],
};

export interface QualifierChoice {
  name: QualifierName;
  value: string | boolean;
}

/** Every chip for a kind, in the bar's order; chip n has the keyboard shortcut n. */
export function qualifierChoices(kind: InteractionKind): QualifierChoice[] {
  return KIND_INFO[kind].qualifiers.flatMap((name) =>
    CHOICES[name].map((value) => ({ name, value })),
  );
}

interface BottomBarProps {
  store: LiveLessonStore;
  nameOf: (pupilId: string) => string;
  shortOf: (pupilId: string) => string;
  onQualify: (entry: LogEntry, name: QualifierName, value: string | boolean) => void;
  onUndo: () => void;
  /** What the upper row says while there is nothing to qualify. */
  hint: ComponentChildren;
  /** A control between the tally and undo (the after-lesson pass). */
  extra?: ComponentChildren;
}

/**
 * Optional qualifiers for the last event only, with that event (kind and pupil) named in front
 * of them; it never blocks the next tap. One row, scrolling sideways if it must.
 */
function QualifierRow({
  entry,
  nameOf,
  shortOf,
  onQualify,
}: Pick<BottomBarProps, 'nameOf' | 'shortOf' | 'onQualify'> & { entry: LogEntry }) {
  // Until the write lands (a few ms) nothing is set yet.
  const event: Partial<InteractionEvent> = entry.event ?? {};
  const label = t('logging:qualifiers.for', {
    kind: t(`kinds:${entry.kind}.label`),
    name: nameOf(entry.pupilId),
  });
  return (
    <div class="qualifier-bar" role="group" aria-label={label}>
      <span class="qualifier-target" aria-hidden="true">
        <span class="qualifier-kind">
          {KIND_INFO[entry.kind].symbol} {t(`kinds:${entry.kind}.short`)}
        </span>
        <span class="qualifier-name">{shortOf(entry.pupilId)}</span>
      </span>
      <span class="qualifier-chips">
        {qualifierChoices(entry.kind).map(({ name, value }, i) => (
          <button
            key={`${name}-${String(value)}`}
            type="button"
            class="chip"
            aria-pressed={event[name] === value}
            aria-keyshortcuts={String(i + 1)}
            onClick={() => onQualify(entry, name, value)}
          >
            {/* Thinking time is a single toggle: its name says it all. */}
            {name === 'waitTime'
              ? t('kinds:qualifierNames.waitTime')
              : t(`kinds:qualifiers.${name}.${String(value)}`)}
            <kbd class="chip-key" aria-hidden="true">
              {i + 1}
            </kbd>
          </button>
        ))}
      </span>
    </div>
  );
}

/**
 * In the flow under the grid (never over it), at a fixed height: the last event's qualifiers (or
 * a hint), the running tally and undo, and the announcements.
 */
export function BottomBar({
  store,
  nameOf,
  shortOf,
  onQualify,
  onUndo,
  hint,
  extra,
}: BottomBarProps) {
  useStoreVersion(store);
  const tally = store.tally();
  const undoable = store.peekUndo();
  const last = store.last;
  return (
    <div class="live-bottom">
      <div class="live-bottom-top">
        {last && KIND_INFO[last.kind].qualifiers.length > 0 ? (
          <QualifierRow entry={last} nameOf={nameOf} shortOf={shortOf} onQualify={onQualify} />
        ) : (
          <p class="live-hint">{hint}</p>
        )}
      </div>
      <div class="live-bottom-row">
        <p class="live-tally">
          <strong>{t('logging:tally.events', { count: tally.events })}</strong>
          <span>
            {t('logging:tally.addressed', { count: tally.present, addressed: tally.addressed })}
          </span>
        </p>
        {extra}
        <button
          type="button"
          class="undo-button"
          disabled={!undoable}
          aria-keyshortcuts="u"
          onClick={onUndo}
        >
          <span aria-hidden="true">↶</span>
          <span class="undo-text">
            {t('common:undo')}
            {undoable ? (
              <span class="undo-what">
                {t('logging:undo.what', {
                  kind: t(`kinds:${undoable.kind}.short`),
                  name: shortOf(undoable.pupilId),
                })}
              </span>
            ) : null}
          </span>
        </button>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {store.announcement}
      </p>
    </div>
  );
}
