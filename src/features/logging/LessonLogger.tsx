import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { endLesson, type LiveLessonData } from '../../db/repo/lessons';
import { HIDEABLE_KINDS, hiddenKindsOf, setHiddenKinds } from '../../db/repo/loggingPrefs';
import { reportStorageError } from '../../db/status';
import { shortNames } from '../../domain/names';
import { layoutSeats } from '../../domain/seating';
import type { InteractionKind } from '../../model/kinds';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Screen } from '../../ui/Screen';
import { BottomBar } from './BottomBar';
import { HelpSheet } from './HelpSheet';
import { KindsSheet } from './KindsSheet';
import { LiveLessonStore } from './liveStore';
import { MissedButton, MissedHint, MissedSheet } from './MissedSheet';
import { MoreSheet } from './MoreSheet';
import type { TilePupil } from './PupilTile';
import { TileGrid } from './TileGrid';
import { useLiveActions } from './useLiveActions';
import { useRemoteLesson, type FollowedLesson } from './useLiveLesson';
import { useLoggerKeys } from './useLoggerKeys';
import { WhoNextButton, WhoNextSheet } from './WhoNext';
import './logging.css';

export type LoggerMode = 'live' | 'after';

function trimEmptyRows<T>(cells: Array<Array<T | null>>): Array<Array<T | null>> {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? []).every((c) => c === null)) end--;
  return cells.slice(0, end);
}

/**
 * The logging grid, live or afterwards: the class as tiles in one screen; one tap is a turn,
 * every other kind two taps away, qualifiers optional in the bar below. Afterwards, events are
 * flagged as logged afterwards and the bar names who has nothing yet.
 */
export function LessonLogger({
  data,
  mode,
}: {
  data: LiveLessonData & Partial<Pick<FollowedLesson, 'remoteVersion' | 'reseed'>>;
  mode: LoggerMode;
}) {
  const { lesson, cls, pupils } = data;
  const after = mode === 'after';
  const [store] = useState(
    () =>
      new LiveLessonStore(
        pupils.map((p) => p.id),
        data.events,
        data.absences,
      ),
  );
  const [sheetFor, setSheetFor] = useState<string | null>(null);
  const [open, setOpen] = useState<'kinds' | 'help' | 'missed' | 'whoNext' | null>(null);
  const [hidden, setHidden] = useState<InteractionKind[]>(() => hiddenKindsOf(cls));

  // Taps, undos and absences from another device (sync) show on this grid as they land.
  useRemoteLesson(store, lesson.id, data);
  // Pupils added or removed in another tab join or leave the store's tally.
  useEffect(() => store.setPupils(pupils.map((p) => p.id)), [store, pupils]);
  const names = useMemo(() => new Map(pupils.map((p) => [p.id, p.name])), [pupils]);
  const shorts = useMemo(() => shortNames(pupils), [pupils]);
  const nameOf = useCallback((id: string) => names.get(id) ?? '?', [names]);
  const shortOf = useCallback((id: string) => shorts.get(id) ?? nameOf(id), [shorts, nameOf]);
  const grid = cls.seating;
  const cells = useMemo(
    () =>
      trimEmptyRows(layoutSeats(pupils, grid)).map((row) =>
        row.map((p): TilePupil | null =>
          p ? { id: p.id, name: p.name, short: shorts.get(p.id) ?? p.name } : null,
        ),
      ),
    [pupils, grid, shorts],
  );
  const ordered = useMemo(() => cells.flat().filter((p): p is TilePupil => p !== null), [cells]);

  const actions = useLiveActions(store, lesson, nameOf, after);
  const onMore = useCallback((pupilId: string) => setSheetFor(pupilId), []);
  // An absent pupil's tap says so and opens the sheet that offers to mark them present.
  const onTap = useCallback(
    (pupilId: string) => {
      actions.tapTile(pupilId);
      if (store.snapshot(pupilId).absent) setSheetFor(pupilId);
    },
    [actions, store],
  );
  const onSheetLog = (pupilId: string, kind: InteractionKind) => {
    setSheetFor(null);
    navigator.vibrate?.(10);
    actions.log(pupilId, kind);
  };
  const onAbsent = (pupilId: string, absent: boolean) => {
    setSheetFor(null);
    actions.markAbsent(pupilId, absent);
  };
  const onKeyDown = useLoggerKeys({
    store,
    actions,
    hidden,
    onMore,
    onHelp: () => setOpen('help'),
  });

  const onHiddenChange = (next: InteractionKind[]) => {
    const previous = hidden;
    setHidden(next);
    setHiddenKinds(cls.id, next).catch((e: unknown) => {
      setHidden(previous);
      reportStorageError(e);
    });
  };

  const reflect = href('lesson', lesson.id, 'reflect');
  const onEnd = () => {
    endLesson(lesson.id).then(
      // The summary and the optional after-lesson minute; it can be skipped in one tap.
      () => location.replace(reflect),
      (e: unknown) => {
        reportStorageError(e);
      },
    );
  };

  const times = lesson.endTime ? `${lesson.startTime}–${lesson.endTime}` : lesson.startTime;
  const info = [
    lesson.topic,
    formatDate(lesson.date, 'short'),
    times,
    !after && lesson.endedAt ? t('logging:live.ended') : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const sheetPupil = sheetFor ? { id: sheetFor, name: nameOf(sheetFor), short: '' } : null;
  const visibleKinds = HIDEABLE_KINDS.filter((k) => !hidden.includes(k));
  const close = () => setOpen(null);
  // The coding guide, from the kinds and keys sheets: nothing on the grid itself changes.
  const guideHref = `${href('guide')}?lesson=${encodeURIComponent(lesson.id)}&mode=${mode}`;

  return (
    <Screen
      title={
        after ? t('after:title', { name: cls.name }) : t('logging:live.title', { name: cls.name })
      }
      back={href('class', cls.id)}
      wide
      actions={
        <>
          <button type="button" class="header-button" onClick={() => setOpen('kinds')}>
            <span aria-hidden="true">⚙</span>
            <span class="visually-hidden">{t('logging:live.kindsSettings')}</span>
          </button>
          {after ? (
            <a class="button header-button end-button" href={reflect}>
              {t('after:done')}
            </a>
          ) : (
            <button type="button" class="header-button end-button" onClick={onEnd}>
              {t('logging:live.end')}
            </button>
          )}
        </>
      }
    >
      <div class={after ? 'logger is-after' : 'logger'} onKeyDown={onKeyDown}>
        <button type="button" class="keys-link" onClick={() => setOpen('help')}>
          {t('logging:help.open')}
        </button>
        {pupils.length === 0 ? (
          <p class="card">
            {t('logging:live.noPupils')}{' '}
            <a href={href('class', cls.id, 'pupils')}>{t('logging:live.addPupils')}</a>
          </p>
        ) : (
          <TileGrid
            cells={cells}
            cols={grid.cols}
            store={store}
            onTap={onTap}
            onMore={onMore}
            info={info}
          />
        )}
        <BottomBar
          store={store}
          nameOf={nameOf}
          shortOf={shortOf}
          onQualify={actions.qualify}
          onUndo={actions.undo}
          hint={after ? <MissedHint store={store} pupils={ordered} /> : t('logging:live.legend')}
          extra={
            after ? (
              <MissedButton store={store} pupils={ordered} onOpen={() => setOpen('missed')} />
            ) : (
              <WhoNextButton onOpen={() => setOpen('whoNext')} />
            )
          }
        />
      </div>
      {open === 'missed' ? (
        <MissedSheet
          store={store}
          pupils={ordered}
          onTurn={(id) => actions.log(id, 'turn')}
          onMore={onMore}
          onAbsent={(id) => actions.markAbsent(id, true)}
          onClose={close}
        />
      ) : null}
      {open === 'whoNext' ? (
        <WhoNextSheet
          lessonId={lesson.id}
          store={store}
          pupils={ordered}
          onAccept={(id) => actions.log(id, 'turn', { initiative: 'called' })}
          onClose={close}
        />
      ) : null}
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
      {open === 'kinds' ? (
        <KindsSheet
          hidden={hidden}
          guideHref={guideHref}
          onChange={onHiddenChange}
          onClose={close}
        />
      ) : null}
      {open === 'help' ? <HelpSheet hidden={hidden} guideHref={guideHref} onClose={close} /> : null}
    </Screen>
  );
}
