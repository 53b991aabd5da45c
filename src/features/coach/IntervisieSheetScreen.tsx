import { useEffect, useMemo, useState } from 'preact/hooks';
import { analyseClass, deriveInsights, type AnalysisResult, type Insight } from '../../analysis';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { loadShareData, saveCodeMap, type ShareData } from '../../db/repo/share';
import { reportStorageError } from '../../db/status';
import type { ExpectationScale } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { assignCodes, inRandomOrder, scrubNames } from '../../intervisie';
import { Screen } from '../../ui/Screen';
import { firmestFindings } from '../insights/firmest';
import { describeCoachInsight } from './insightText';
import { defaultPeriod } from './period';
import { FeedbackChart, GroupsTable, TurnsChart } from './SheetCharts';
import { SheetControls, type SheetOptions } from './SheetControls';
import './coach.css';
import './sheet.css';

/** A print-ready A4 page for an intervisie meeting. */
export function IntervisieSheetScreen({ classId }: { classId: string }) {
  const data = useLiveQuery(() => loadShareData(classId), [classId]);
  return (
    <Screen title={t('coach:sheet.title')} back={href('class', classId)}>
      {data === undefined ? (
        <p class="loading">{t('common:loading')}</p>
      ) : data === null ? (
        <p>{t('coach:share.notFound')}</p>
      ) : (
        <Sheet data={data} />
      )}
    </Screen>
  );
}

function useAnalysis(data: ShareData, from: string, to: string) {
  const [out, setOut] = useState<{ result: AnalysisResult; insights: Insight[] } | null>(null);
  useEffect(() => {
    setOut(null);
    if (!from || !to || from > to) return;
    // After the first paint: the analysis takes a moment on a phone.
    const timer = setTimeout(() => {
      const result = analyseClass(data.source, { today: to, from, to });
      setOut({ result, insights: deriveInsights(result) });
    }, 30);
    return () => clearTimeout(timer);
  }, [data, from, to]);
  return out;
}

function Sheet({ data }: { data: ShareData }) {
  const { source } = data;
  const [options, setOptions] = useState<SheetOptions>(() => ({
    ...defaultPeriod(new Date()),
    // Codes unless the teacher switches names on: a sheet on paper leaves the device.
    codes: true,
    journalIds: [],
  }));
  const analysis = useAnalysis(data, options.from, options.to);
  const pupils = source.pupils;
  // New codes in a random order: the seating plan must not show through the numbers.
  const codes = useMemo(
    () => assignCodes(inRandomOrder(pupils), data.codeMap),
    [pupils, data.codeMap],
  );
  const names = useMemo(() => new Map(pupils.map((p) => [p.id, p.name])), [pupils]);
  const shownNames = useMemo(
    () => (options.codes ? new Map(Object.entries(codes)) : names),
    [options.codes, codes, names],
  );
  const nameOf = (id: string) => shownNames.get(id) ?? '?';
  const journal = source.journal
    .filter((j) => j.deletedAt === null && j.date >= options.from && j.date <= options.to)
    .sort((a, b) => a.date.localeCompare(b.date));
  const chosen = journal.filter((j) => options.journalIds.includes(j.id));
  const label = options.codes
    ? source.cls.yearLabel.trim() || t('coach:share.defaultLabel')
    : source.cls.name;

  // The codes printed must be the ones later packages use: remember new ones while codes show.
  useEffect(() => {
    if (options.codes && Object.keys(codes).length > Object.keys(data.codeMap).length) {
      saveCodeMap(source.cls.id, codes).catch(reportStorageError);
    }
  }, [options.codes, codes, data.codeMap, source.cls.id]);

  const change = (next: SheetOptions) => setOptions(next);

  const enough =
    analysis &&
    analysis.result.basis.lessons >= analysis.result.options.minLessons &&
    analysis.result.basis.events >= analysis.result.options.minEvents;
  return (
    <div class="coach">
      <SheetControls options={options} journal={journal} onChange={change} />
      <article class="intervisie-sheet" aria-labelledby="sheet-heading">
        <header class="sheet-head">
          <h2 id="sheet-heading">{t('coach:sheet.heading', { label })}</h2>
          <p>
            {options.from && options.to
              ? t('coach:sheet.period', {
                  from: formatDate(options.from, 'long'),
                  to: formatDate(options.to, 'long'),
                })
              : ''}
          </p>
        </header>
        <section class="sheet-question" aria-labelledby="sheet-question">
          <p id="sheet-question" class="sheet-question-text">
            {t('coach:sheet.question')}
          </p>
          <p class="muted">{t('coach:sheet.questionSource')}</p>
        </section>
        {analysis === null ? (
          <p class="loading" role="status">
            {t('coach:workspace.computing')}
          </p>
        ) : (
          <>
            <p class="muted">{t('coach:sheet.basis', { ...analysis.result.basis })}</p>
            {enough ? (
              <section class="sheet-section">
                <TurnsChart result={analysis.result} nameOf={nameOf} />
                <div class="sheet-page">
                  <FeedbackChart result={analysis.result} nameOf={nameOf} />
                  <GroupsTable result={analysis.result} />
                </div>
              </section>
            ) : (
              <p>
                {t('coach:sheet.few', {
                  minLessons: analysis.result.options.minLessons,
                  minEvents: analysis.result.options.minEvents,
                })}
              </p>
            )}
            <SheetInsights
              insights={analysis.insights}
              result={analysis.result}
              names={shownNames}
              scale={source.cls.expectationScale}
            />
          </>
        )}
        {chosen.length > 0 ? (
          <section class="sheet-section" aria-labelledby="sheet-reflections">
            <h3 id="sheet-reflections">{t('coach:sheet.reflectionsHeading')}</h3>
            {chosen.map((j) => (
              <blockquote key={j.id} class="sheet-reflection">
                <strong>{formatDate(j.date, 'short')}</strong>{' '}
                {options.codes ? scrubNames(j.text, pupils, codes) : j.text}
              </blockquote>
            ))}
          </section>
        ) : null}
        <section class="sheet-section sheet-notes" aria-labelledby="sheet-notes">
          <h3 id="sheet-notes">{t('coach:sheet.notesHeading')}</h3>
          <div class="sheet-lines" aria-hidden="true" />
        </section>
      </article>
    </div>
  );
}

function SheetInsights({
  insights,
  result,
  names,
  scale,
}: {
  insights: Insight[];
  result: AnalysisResult;
  names: ReadonlyMap<string, string>;
  scale: ExpectationScale;
}) {
  // The firm findings first (as at the top of the insights screen), then one of each other kind,
  // so the page shows what stands out most and the breadth of the rest.
  const candidates = insights.filter((i) => i.kind !== 'insufficientData');
  const firm = firmestFindings(candidates);
  const rest = candidates.filter((i) => !firm.includes(i));
  const firsts = rest.filter((i, k) => rest.findIndex((j) => j.kind === i.kind) === k);
  const shown = [...firm, ...firsts, ...rest.filter((i) => !firsts.includes(i))].slice(0, 8);
  if (shown.length === 0) return null;
  return (
    <section class="sheet-section sheet-page" aria-labelledby="sheet-insights">
      <h3 id="sheet-insights">{t('coach:sheet.insightsHeading')}</h3>
      <ul class="sheet-insight-list">
        {shown.map((insight) => {
          const text = describeCoachInsight(insight, result, names, scale);
          return (
            <li key={insight.id}>
              <strong>{text.title}.</strong> {text.observation}{' '}
              <span class="muted">{text.chance ?? ''}</span>
              <br />
              <em>{text.question}</em>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
