import type { ComponentChildren } from 'preact';
import type { AnalysisResult, Insight } from '../../analysis';
import type { CoachWorkspaceRecord, ExpectationScale } from '../../model/types';
import { t } from '../../i18n';
import { describeCoachInsight } from './insightText';
import { RemarkForm } from './RemarkForm';

interface Props {
  workspaceId: string;
  insight: Insight;
  result: AnalysisResult;
  /** Package pupil id → the code the coach sees. */
  codes: ReadonlyMap<string, string>;
  scale: ExpectationScale;
  remarks: CoachWorkspaceRecord['remarks'];
}

/** One insight, as observation and question, with the coach's remarks on it. */
export function WorkspaceInsight({ workspaceId, insight, result, codes, scale, remarks }: Props) {
  const text = describeCoachInsight(insight, result, codes, scale);
  const headingId = `insight-${insight.id.replace(/[^a-zA-Z0-9]/g, '-')}`;
  return (
    <InsightCard headingId={headingId} title={text.title}>
      <p>{text.observation}</p>
      <p class="coach-question">
        <strong>{t('coach:insight.question')}:</strong> {text.question}
      </p>
      <p class="coach-evidence muted">
        {[text.chance, ...text.detail, text.basis, text.research].filter(Boolean).join(' ')}
      </p>
      <RemarkForm
        workspaceId={workspaceId}
        insightKey={insight.id}
        remarks={remarks.filter((r) => r.insightKey === insight.id)}
      />
    </InsightCard>
  );
}

export function InsightCard({
  headingId,
  title,
  children,
}: {
  headingId: string;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <article class="card coach-insight" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {children}
    </article>
  );
}
