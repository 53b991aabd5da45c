import { useEffect, useRef, useState } from 'preact/hooks';
import type { DrillQuery, DrillRows } from '../../analysis';
import { reportStorageError } from '../../db/status';
import { href } from '../../ui/router';
import type { Id, LessonRecord } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { Drill } from './drill';
import type { InsightsView } from './view';
import { metricLabel, metricPlural, per10 } from './words';
import { ScrollRegion } from './ScrollRegion';

interface DrillDialogProps {
  drill: Drill | null;
  view: InsightsView;
  onClose: () => void;
}

/**
 * The pupils and lessons behind a figure, in a modal dialog (focus trap and Escape for free).
 * From a group a teacher can step to one pupil and back; every pupil links to their page.
 */
export function DrillDialog({ drill, view, onClose }: DrillDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // A pupil opened from inside a group drill-down; null shows the drill itself.
  const [inner, setInner] = useState<Drill | null>(null);
  useEffect(() => {
    setInner(null);
    const dialog = ref.current;
    if (!dialog) return;
    if (drill && !dialog.open) dialog.showModal();
    else if (!drill && dialog.open) dialog.close();
  }, [drill]);
  const shown = inner ?? drill;
  return (
    <dialog
      ref={ref}
      class="dialog drill-dialog"
      aria-labelledby="ins-drill-h"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {/* At the top: a year of lessons makes a long list, and a phone has no Escape key. */}
      <div class="drill-top">
        {inner ? (
          <button type="button" onClick={() => setInner(null)}>
            {t('insights:drill.backToGroup')}
          </button>
        ) : null}
        <button type="button" class="primary" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
      {shown ? <DrillBody drill={shown} view={view} onPupil={(d) => setInner(d)} /> : null}
    </dialog>
  );
}

function lessonName(l: LessonRecord): string {
  return [formatDate(l.date, 'short'), l.startTime, l.topic].filter(Boolean).join(' · ');
}

/**
 * The rows behind a pupil or lessons drill-down, counted in the analysis worker; undefined while
 * they are on their way (a group's rows are in the analysis already).
 */
function useDrillRows(drill: Drill, view: InsightsView): DrillRows | null | undefined {
  const [answer, setAnswer] = useState<{ drill: Drill; rows: DrillRows | null } | null>(null);
  const { drillRows, result } = view;
  useEffect(() => {
    if (drill.type === 'group') return;
    const query: DrillQuery =
      drill.type === 'pupil'
        ? {
            type: 'pupil',
            pupilId: drill.pupilId,
            metrics: drill.metrics,
            lessonIds: result.lessonIds,
          }
        : { type: 'lessons', lessonIds: drill.lessonIds, metric: drill.metric };
    let alive = true;
    drillRows(query)
      .then((rows) => {
        if (alive) setAnswer({ drill, rows });
      })
      .catch(reportStorageError);
    return () => {
      alive = false;
    };
  }, [drill, drillRows, result]);
  return answer?.drill === drill ? answer.rows : undefined;
}

function DrillBody({
  drill,
  view,
  onPupil,
}: {
  drill: Drill;
  view: InsightsView;
  onPupil: (d: Drill) => void;
}) {
  const { result, names } = view;
  const rows = useDrillRows(drill, view);
  const loading = <p class="loading">{t('common:loading')}</p>;

  if (drill.type === 'pupil') {
    const name = names.get(drill.pupilId) ?? '?';
    if (rows === undefined) {
      return (
        <>
          <h2 id="ins-drill-h">{name}</h2>
          {loading}
        </>
      );
    }
    const list = rows?.type === 'pupil' ? rows.rows : [];
    const totals = drill.metrics.map((_, i) => list.reduce((s, r) => s + (r.counts[i] ?? 0), 0));
    return (
      <>
        <h2 id="ins-drill-h">{name}</h2>
        <p class="muted">
          {t('insights:drill.pupilIntro', {
            lessons: t('insights:count.lessons', { count: list.filter((r) => r.present).length }),
          })}
        </p>
        <a class="button" href={href('pupil', drill.pupilId)}>
          {t('insights:drill.toPupil', { name })}
        </a>
        <ScrollRegion class="drill-table" label={t('insights:drill.tableLabel', { name })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('insights:table.lesson')}</th>
                {drill.metrics.map((m) => (
                  <th scope="col" key={m}>
                    {metricLabel(m)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.lesson.id} class={r.present ? '' : 'absent'}>
                  <th scope="row">{lessonName(r.lesson)}</th>
                  {r.present ? (
                    r.counts.map((c, i) => <td key={i}>{c}</td>)
                  ) : (
                    <td colSpan={drill.metrics.length}>{t('insights:drill.absent')}</td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('insights:drill.total')}</th>
                {totals.map((n, i) => (
                  <td key={i}>{n}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      </>
    );
  }

  if (drill.type === 'lessons') {
    if (rows === undefined) {
      return (
        <>
          <h2 id="ins-drill-h">{drill.title}</h2>
          {loading}
        </>
      );
    }
    const list = rows?.type === 'lessons' ? rows.rows : [];
    return (
      <>
        <h2 id="ins-drill-h">{drill.title}</h2>
        <p class="muted">
          {t('insights:drill.lessonsIntro', { metric: metricPlural(drill.metric) })}
        </p>
        <ul class="list drill-lessons">
          {list.map((r) => (
            <li key={r.lesson.id}>
              <strong>{lessonName(r.lesson)}</strong>: {r.total}
              {r.pupils.length > 0 ? (
                <span class="muted">
                  {' — '}
                  {r.pupils.map((p) => `${names.get(p.pupilId) ?? '?'} ${p.count}`).join(', ')}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </>
    );
  }

  const d = result.distribution.find((x) => x.metric === drill.metric);
  // Below the period's data threshold: counts and lessons present, no rate (issue 10 §2).
  const counts = result.rawCountsOnly;
  const members = new Set<Id>(drill.pupilIds);
  const pupils = (d?.pupils ?? [])
    .filter((p) => members.has(p.pupilId))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.count - a.count);
  return (
    <>
      <h2 id="ins-drill-h">{drill.title}</h2>
      <p class="muted">{t('insights:drill.groupIntro', { metric: metricPlural(drill.metric) })}</p>
      <ScrollRegion
        class="drill-table"
        label={t('insights:drill.tableLabel', { name: drill.title })}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{t('insights:table.pupil')}</th>
              <th scope="col">{metricPlural(drill.metric)}</th>
              <th scope="col">{t('insights:table.present')}</th>
              {counts ? null : <th scope="col">{t('insights:table.per10')}</th>}
            </tr>
          </thead>
          <tbody>
            {pupils.map((p) => (
              <tr key={p.pupilId}>
                <th scope="row">
                  <button
                    type="button"
                    class="link"
                    onClick={() =>
                      onPupil({ type: 'pupil', pupilId: p.pupilId, metrics: [drill.metric] })
                    }
                  >
                    {names.get(p.pupilId) ?? '?'}
                  </button>
                </th>
                <td>{p.count}</td>
                <td>{p.presentLessons}</td>
                {counts ? null : <td>{per10(p.rate)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
