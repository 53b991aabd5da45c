import { useEffect, useMemo, useState } from 'preact/hooks';
import { navigate } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { deleteWorkspace, getWorkspace, type WorkspaceView } from '../../db/repo/coachWorkspace';
import { reportStorageError } from '../../db/status';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import {
  GENERAL_INSIGHT_KEY,
  analysePackage,
  codesOf,
  sharedExtras,
  type CoachPackage,
  type PackageAnalysis,
} from '../../intervisie';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Screen } from '../../ui/Screen';
import { showToast } from '../../ui/toastStore';
import { RemarkForm } from './RemarkForm';
import { InsightCard, WorkspaceInsight } from './WorkspaceInsight';
import { WorkspaceExport } from './WorkspaceExport';
import { WorkspaceFigures } from './WorkspaceFigures';
import { WorkspacePrompts } from './WorkspacePrompts';
import { WorkspaceTexts } from './WorkspaceTexts';
import { WorkspaceUnlock } from './WorkspaceUnlock';
import './coach.css';

/** A teacher's package on the coach's device: read-only insights plus the coach's remarks. */
export function CoachWorkspaceScreen({ workspaceId }: { workspaceId: string }) {
  // Opening an encrypted workspace changes only memory: `opened` makes the query run again.
  const [opened, setOpened] = useState(0);
  const view = useLiveQuery(
    async () => (await getWorkspace(workspaceId)) ?? null,
    [workspaceId, opened],
  );
  const title = view
    ? view.locked
      ? t('coach:workspace.lockedTitle')
      : view.record.label
    : t('coach:coach.title');
  return (
    <Screen title={title} back="#/coach">
      {view === undefined ? (
        <p class="loading">{t('common:loading')}</p>
      ) : view === null ? (
        <p>{t('coach:workspace.notFound')}</p>
      ) : (
        <Workspace view={view} onOpen={() => setOpened((n) => n + 1)} />
      )}
    </Screen>
  );
}

function Workspace({ view, onOpen }: { view: WorkspaceView; onOpen: () => void }) {
  const { record, pkg } = view;
  const label = view.locked ? t('coach:workspace.lockedTitle') : record.label;
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    setConfirming(false);
    try {
      await deleteWorkspace(record.id);
      showToast(t('coach:workspace.deleted'));
      navigate('/coach');
    } catch (e) {
      reportStorageError(e);
    }
  };
  return (
    <div class="coach">
      {view.locked ? (
        <WorkspaceUnlock id={record.id} onOpen={onOpen} />
      ) : (
        <>
          <p class="coach-banner" role="note">
            {t('coach:workspace.banner', { label: record.label })}
          </p>
          {record.expiresOn ? (
            <p class="muted">
              {t('coach:workspace.expires', { date: formatDate(record.expiresOn) })}
            </p>
          ) : null}
          {pkg ? <WorkspaceBody pkg={pkg} view={view} /> : <p>{t('coach:workspace.damaged')}</p>}
        </>
      )}
      <section class="card coach-section" aria-labelledby="ws-delete-heading">
        <h2 id="ws-delete-heading">{t('coach:workspace.deleteHeading')}</h2>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('coach:workspace.delete')}
        </button>
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('coach:workspace.deleteTitle')}
        body={t('coach:workspace.deleteBody', { label })}
        confirmLabel={t('coach:workspace.delete')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

/** The analysis takes a moment on a phone: run it after the first paint. */
function usePackageAnalysis(pkg: CoachPackage, json: string): PackageAnalysis | null {
  const [analysis, setAnalysis] = useState<PackageAnalysis | null>(null);
  useEffect(() => {
    setAnalysis(null);
    const timer = setTimeout(() => setAnalysis(analysePackage(pkg)), 30);
    return () => clearTimeout(timer);
    // The stored text identifies the package; pkg is re-parsed on every live-query run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [json]);
  return analysis;
}

function WorkspaceBody({ pkg, view }: { pkg: CoachPackage; view: WorkspaceView }) {
  const { record } = view;
  const analysis = usePackageAnalysis(pkg, record.packageJson);
  const codes = useMemo(() => codesOf(pkg), [pkg]);
  const codeOf = (id: string) => codes.get(id) ?? '?';
  // Remarks on an insight that is not (or not yet) on screen are listed with the general ones.
  const shownKeys = new Set(analysis?.insights.map((i) => i.id) ?? []);
  const extras = sharedExtras(pkg);
  const extraText = [
    ...extras.extras.map((name) => t(`coach:share.extras.${name}`)),
    ...extras.lenses.map((name) => t('coach:preview.lensExtra', { name })),
  ].join(', ');
  const summary: [string, string][] = [
    [
      t('coach:workspace.period'),
      `${formatDate(pkg.period.from, 'short')} – ${formatDate(pkg.period.to, 'short')}`,
    ],
    [t('coach:workspace.pupils'), formatNumber(pkg.data.pupils.length, 0)],
    [t('coach:workspace.lessons'), formatNumber(pkg.data.lessons.length, 0)],
    [t('coach:workspace.events'), formatNumber(pkg.data.events.length, 0)],
    [t('coach:workspace.extras'), extraText || t('coach:workspace.noExtras')],
  ];
  return (
    <>
      <section class="card coach-section" aria-labelledby="ws-summary-heading">
        <h2 id="ws-summary-heading">{t('coach:workspace.summaryHeading')}</h2>
        <dl class="coach-counts">
          {summary.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section class="coach-insights" aria-labelledby="ws-insights-heading">
        <h2 id="ws-insights-heading">{t('coach:workspace.insightsHeading')}</h2>
        <p class="muted">{t('coach:workspace.insightsIntro')}</p>
        {analysis === null ? (
          <p class="loading" role="status">
            {t('coach:workspace.computing')}
          </p>
        ) : analysis.insights.length === 0 ? (
          <p>{t('coach:workspace.noInsights')}</p>
        ) : (
          analysis.insights.map((insight) => (
            <WorkspaceInsight
              key={insight.id}
              workspaceId={record.id}
              insight={insight}
              result={analysis.result}
              codes={codes}
              scale={pkg.data.class.expectationScale}
              remarks={record.remarks}
            />
          ))
        )}
        <InsightCard headingId="insight-general" title={t('coach:workspace.generalHeading')}>
          <p>{t('coach:workspace.generalBody')}</p>
          <RemarkForm
            workspaceId={record.id}
            insightKey={GENERAL_INSIGHT_KEY}
            remarks={record.remarks.filter(
              (r) =>
                r.insightKey === GENERAL_INSIGHT_KEY ||
                (analysis !== null && !shownKeys.has(r.insightKey)),
            )}
          />
        </InsightCard>
      </section>

      {analysis ? <WorkspacePrompts pkg={pkg} result={analysis.result} codes={codes} /> : null}
      {analysis ? <WorkspaceFigures result={analysis.result} codeOf={codeOf} /> : null}
      <WorkspaceTexts pkg={pkg} codeOf={codeOf} />
      <WorkspaceExport record={record} />
    </>
  );
}
