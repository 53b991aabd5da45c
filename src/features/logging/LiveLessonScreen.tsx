import { useReadOnce } from '../../db/hooks';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { endLesson, loadLiveLesson, type LiveLessonData } from '../../db/repo/lessons';
import { HIDEABLE_KINDS, setHiddenKinds } from '../../db/repo/loggingPrefs';
import { reportStorageError } from '../../db/status';
import type { InteractionKind } from '../../model/kinds';
import { layoutSeats } from '../../domain/seating';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Screen } from '../../ui/Screen';
import { BottomBar } from './BottomBar';
import { KindsSheet } from './KindsSheet';
import { LiveLessonStore } from './liveStore';
import { MoreSheet } from './MoreSheet';
import type { TilePupil } from './PupilTile';
import { TileGrid } from './TileGrid';
import { useLiveActions } from './useLiveActions';
import './logging.css';

/** Live logging: the class as tiles; one tap is a turn, every other kind two taps away. */
export function LiveLessonScreen({ lessonId }: { lessonId: string }) {
  // Read once: after that the screen's own state is the truth (a live query per tap is too slow).
  const data = useReadOnce(() => loadLiveLesson(lessonId), lessonId);

  if (data === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (data === null) {
    return (
      <Screen title={t('logging:notFound.title')} back="#/">
        <p>{t('logging:notFound.body')}</p>
      </Screen>
    );
  }
  return <LiveLesson key={data.lesson.id} data={data} />;
}

function trimEmptyRows<T>(cells: Array<Array<T | null>>): Array<Array<T | null>> {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? []).every((c) => c === null)) end--;
  return cells.slice(0, end);
}

function LiveLesson({ data }: { data: LiveLessonData }) {
  const { lesson, cls, pupils } = data;
  const [store] = useState(
    () =>
      new LiveLessonStore(
        pupils.map((p) => p.id),
        data.events,
        data.absences,
      ),
  );
  const [sheetFor, setSheetFor] = useState<string | null>(null);
  const [kindsOpen, setKindsOpen] = useState(false);
  const [hidden, setHidden] = useState<InteractionKind[]>(cls.hiddenKinds);

  const names = useMemo(() => new Map(pupils.map((p) => [p.id, p.name])), [pupils]);
  const nameOf = useCallback((id: string) => names.get(id) ?? '?', [names]);
  const grid = cls.seating;
  const cells = useMemo(
    () =>
      trimEmptyRows(layoutSeats(pupils, grid)).map((row) =>
        row.map((p): TilePupil | null => (p ? { id: p.id, name: p.name } : null)),
      ),
    [pupils, grid],
  );

  const actions = useLiveActions(store, lesson, nameOf);
  const onMore = useCallback((pupilId: string) => setSheetFor(pupilId), []);
  const onSheetLog = (pupilId: string, kind: InteractionKind) => {
    setSheetFor(null);
    navigator.vibrate?.(10);
    actions.log(pupilId, kind);
  };
  const onAbsent = (pupilId: string, absent: boolean) => {
    setSheetFor(null);
    actions.markAbsent(pupilId, absent);
  };

  const onHiddenChange = (next: InteractionKind[]) => {
    const previous = hidden;
    setHidden(next);
    setHiddenKinds(cls.id, next).catch((e: unknown) => {
      setHidden(previous);
      reportStorageError(e);
    });
  };

  const onEnd = () => {
    endLesson(lesson.id).then(
      // The optional after-lesson minute; it can be skipped in one tap.
      () => location.replace(href('lesson', lesson.id, 'reflect')),
      (e: unknown) => {
        reportStorageError(e);
      },
    );
  };

  const times = lesson.endTime ? `${lesson.startTime}–${lesson.endTime}` : lesson.startTime;
  const sheetPupil = sheetFor ? { id: sheetFor, name: nameOf(sheetFor) } : null;
  const visibleKinds = HIDEABLE_KINDS.filter((k) => !hidden.includes(k));

  return (
    <Screen
      title={t('logging:live.title', { name: cls.name })}
      back={href('class', cls.id)}
      wide
      actions={
        <button type="button" class="header-button" onClick={() => setKindsOpen(true)}>
          <span aria-hidden="true">⚙</span>
          <span class="visually-hidden">{t('logging:live.kindsSettings')}</span>
        </button>
      }
    >
      <div class="live-info">
        <p class="live-when">
          {lesson.topic ? <strong class="live-topic">{lesson.topic}</strong> : null}
          <span>{formatDate(lesson.date, 'short')}</span>
          <span>{times}</span>
          {lesson.endedAt ? <span class="badge">{t('logging:live.ended')}</span> : null}
        </p>
        <button type="button" class="end-button" onClick={onEnd}>
          {t('logging:live.end')}
        </button>
      </div>
      {pupils.length === 0 ? (
        <p class="card">
          {t('logging:live.noPupils')}{' '}
          <a href={href('class', cls.id, 'pupils')}>{t('logging:live.addPupils')}</a>
        </p>
      ) : (
        <>
          <p class="live-legend muted">{t('logging:live.legend')}</p>
          <TileGrid
            cells={cells}
            cols={grid.cols}
            store={store}
            onTap={actions.tapTile}
            onMore={onMore}
          />
        </>
      )}
      <BottomBar store={store} nameOf={nameOf} onQualify={actions.qualify} onUndo={actions.undo} />
      {sheetPupil ? (
        <MoreSheet
          key={sheetPupil.id}
          pupil={sheetPupil}
          store={store}
          kinds={visibleKinds}
          onLog={onSheetLog}
          onAbsent={onAbsent}
          onClose={() => setSheetFor(null)}
        />
      ) : null}
      {kindsOpen ? (
        <KindsSheet hidden={hidden} onChange={onHiddenChange} onClose={() => setKindsOpen(false)} />
      ) : null}
    </Screen>
  );
}
