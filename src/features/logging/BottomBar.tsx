import type { InteractionEvent } from '../../model/types';
import { KIND_INFO, type QualifierName } from '../../model/kinds';
import { t } from '../../i18n';
import type { LiveLessonStore, LogEntry } from './liveStore';
import { useStoreVersion } from './useLiveStore';

/** The qualifier choices offered per qualifier, in the order they appear. */
const CHOICES: { [K in QualifierName]: readonly NonNullable<InteractionEvent[K]>[] } = {
  initiative: ['volunteered', 'called'],
  questionLevel: ['recall', 'higher'],
  waitTime: [true],
  praiseType: ['specific', 'general'],
};

interface BottomBarProps {
  store: LiveLessonStore;
  nameOf: (pupilId: string) => string;
  onQualify: (entry: LogEntry, name: QualifierName, value: string | boolean) => void;
  onUndo: () => void;
}

/** Optional qualifiers for the last event only; it never blocks the next tap. */
function QualifierBar({
  entry,
  nameOf,
  onQualify,
}: Omit<BottomBarProps, 'store' | 'onUndo'> & {
  entry: LogEntry;
}) {
  const qualifiers = KIND_INFO[entry.kind].qualifiers;
  // Until the write lands (a few ms) nothing is set yet.
  const event: Partial<InteractionEvent> = entry.event ?? {};
  if (qualifiers.length === 0) return null;
  return (
    <div class="qualifier-bar">
      <p class="visually-hidden">
        {t('logging:qualifiers.for', {
          kind: t(`kinds:${entry.kind}.label`),
          name: nameOf(entry.pupilId),
        })}
      </p>
      <div class="qualifier-groups">
        {qualifiers.map((q) => (
          <div
            key={q}
            class="qualifier-group"
            role="group"
            aria-label={t(`kinds:qualifierNames.${q}`)}
          >
            {CHOICES[q].map((value) => (
              <button
                key={String(value)}
                type="button"
                class="chip"
                aria-pressed={event[q] === value}
                onClick={() => onQualify(entry, q, value)}
              >
                {/* Thinking time is a single toggle: its name says it all. */}
                {q === 'waitTime'
                  ? t('kinds:qualifierNames.waitTime')
                  : t(`kinds:qualifiers.${q}.${String(value)}`)}
              </button>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

/** Sticky at the bottom, where the thumb is: qualifiers, running tally, undo, announcements. */
export function BottomBar({ store, nameOf, onQualify, onUndo }: BottomBarProps) {
  useStoreVersion(store);
  const tally = store.tally();
  const undoable = store.peekUndo();
  return (
    <div class="live-bottom">
      {store.last ? (
        <QualifierBar entry={store.last} nameOf={nameOf} onQualify={onQualify} />
      ) : null}
      <div class="live-bottom-row">
        <p class="live-tally">
          <strong>{t('logging:tally.events', { count: tally.events })}</strong>
          <span>
            {t('logging:tally.addressed', { count: tally.present, addressed: tally.addressed })}
          </span>
        </p>
        <button type="button" class="undo-button" disabled={!undoable} onClick={onUndo}>
          <span aria-hidden="true">↶</span>
          <span class="undo-text">
            {t('common:undo')}
            {undoable ? (
              <span class="undo-what">
                {t('logging:undo.what', {
                  kind: t(`kinds:${undoable.kind}.short`),
                  name: nameOf(undoable.pupilId),
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
