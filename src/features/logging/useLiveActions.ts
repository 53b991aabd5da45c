import { useMemo } from 'preact/hooks';
import { setAbsent } from '../../db/repo/absences';
import {
  deleteEvent,
  forgetNotedEvent,
  noteEvent,
  storeNotedEvent,
  updateEventQualifiers,
  type EventQualifiers,
} from '../../db/repo/events';
import { reportStorageError } from '../../db/status';
import type { InteractionEvent, LessonRecord } from '../../model/types';
import type { InteractionKind, QualifierName } from '../../model/kinds';
import { t } from '../../i18n';
import { nextPaint } from '../../ui/afterPaint';
import type { LiveLessonStore, LogEntry } from './liveStore';
import { reportTapFailure } from './tapFailure';

export interface LiveActions {
  /** One tap (a turn) or the sheet's second tap; "who next?" passes the turn's qualifier. */
  log: (pupilId: string, kind: InteractionKind, qualifiers?: EventQualifiers) => void;
  /** The tile's own tap: a turn, or nothing for an absent pupil. */
  tapTile: (pupilId: string) => void;
  undo: () => void;
  qualify: (entry: LogEntry, name: QualifierName, value: string | boolean) => void;
  markAbsent: (pupilId: string, absent: boolean) => void;
}

const report = (e: unknown) => {
  reportStorageError(e);
};

/**
 * The logging grid's writes (live and afterwards): each updates the store at once and settles
 * with the database.
 */
export function useLiveActions(
  store: LiveLessonStore,
  lesson: LessonRecord,
  nameOf: (pupilId: string) => string,
  /** The after-lesson screen: events are flagged as logged afterwards (no exact time). */
  loggedAfter = false,
): LiveActions {
  return useMemo(() => {
    const kindLabel = (kind: InteractionKind) => t(`kinds:${kind}.label`);
    // Qualifier changes are applied one after the other, each on the latest record.
    let qualifying: Promise<unknown> = Promise.resolve();

    // The note's id of each tap whose write has not landed: an undo crosses the note off, so a
    // page closed before the write (and its delete) cannot bring the undone tap back.
    const notedIds = new WeakMap<LogEntry, string>();

    /**
     * Noted at once (it survives a reload or a closed page from here on: the note is written when
     * the page hides) and stored after the tap's frame has been painted: the count is drawn
     * first, neither the note's storage nor the transaction's set-up delays it.
     */
    const write = (pupilId: string, kind: InteractionKind, qualifiers?: EventQualifiers) => {
      try {
        // classId and date are passed in so the lesson itself is not read.
        const event = noteEvent({
          lessonId: lesson.id,
          pupilId,
          kind,
          qualifiers,
          classId: lesson.classId,
          date: lesson.date,
          loggedAfter,
        });
        return { id: event.id, saved: nextPaint().then(() => storeNotedEvent(event)) };
      } catch (e) {
        return { id: null, saved: Promise.reject(e instanceof Error ? e : new Error(String(e))) };
      }
    };

    const log = (pupilId: string, kind: InteractionKind, qualifiers?: EventQualifiers) => {
      const { id, saved } = write(pupilId, kind, qualifiers);
      const entry: LogEntry = { pupilId, kind, event: null, saved };
      if (id) notedIds.set(entry, id);
      store.tapped(entry);
      saved.then(
        (event) => {
          const message = t('logging:announce.logged', {
            kind: kindLabel(kind),
            name: nameOf(pupilId),
            total: store.snapshot(pupilId).total,
          });
          store.saved(entry, event, message);
        },
        (e: unknown) => {
          store.failed(entry);
          reportTapFailure(e, nameOf(pupilId), (m) => store.announce(m));
        },
      );
    };

    const tapTile = (pupilId: string) => {
      if (store.snapshot(pupilId).absent) {
        store.announce(t('logging:announce.absentTap', { name: nameOf(pupilId) }));
        return;
      }
      navigator.vibrate?.(10);
      log(pupilId, 'turn');
    };

    const undo = () => {
      const entry = store.popUndo();
      if (!entry) return;
      const noted = notedIds.get(entry);
      if (noted && !entry.event) forgetNotedEvent(noted);
      const what = { kind: kindLabel(entry.kind), name: nameOf(entry.pupilId) };
      entry.saved.then(
        (event) =>
          deleteEvent(event.lessonId, event.id).then(
            () => store.announce(t('logging:announce.undone', what)),
            (e: unknown) => {
              store.restore(entry);
              report(e);
            },
          ),
        // The write itself failed: store.failed() has dealt with it.
        () => undefined,
      );
    };

    const qualify = (entry: LogEntry, name: QualifierName, value: string | boolean) => {
      qualifying = qualifying
        .then(() => entry.saved)
        .then((saved: InteractionEvent) => {
          const current = entry.event ?? saved;
          const next = current[name] === value ? null : value;
          return updateEventQualifiers(current.lessonId, current.id, { [name]: next });
        })
        .then(
          (updated) => store.qualified(entry, updated),
          (e: unknown) => {
            // A failed first write was reported already.
            if (entry.event) report(e);
          },
        );
    };

    const markAbsent = (pupilId: string, absent: boolean) => {
      setAbsent(lesson.id, pupilId, absent).then(() => {
        store.setAbsent(pupilId, absent);
        const key = absent ? 'logging:announce.absent' : 'logging:announce.present';
        store.announce(t(key, { name: nameOf(pupilId) }));
      }, report);
    };

    return { log, tapTile, undo, qualify, markAbsent };
  }, [store, lesson, nameOf, loggedAfter]);
}
