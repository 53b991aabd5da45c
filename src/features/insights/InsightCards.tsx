import type { Insight } from '../../analysis';
import { href } from '../../ui/router';
import { t } from '../../i18n';
import { FoldSection } from './Fold';
import { drillFor } from './insightKinds';
import { describeInsight, type InsightContext } from './insightText';
import type { InsightsView } from './view';
import { Icon } from './Icon';
import { MoreDetail } from './Honesty';
import type { HelpByChoice } from '../../reflection';
import { helpChoiceText } from './helpByChoice';

interface InsightCardsProps {
  insights: Insight[];
  view: InsightsView;
  ctx: InsightContext;
}

/**
 * The insights as observation + reflective question. What is unlikely to be chance comes first;
 * what could well be chance is folded away under its own heading, so it is seen but not stressed.
 */
export function InsightCards({ insights, view, ctx }: InsightCardsProps) {
  // Help an intention names as deliberate: said on every help card, counted apart.
  const choice = view.helpByChoice;
  const card = (insight: Insight) => (
    <InsightCard key={insight.id} insight={insight} view={view} ctx={ctx} choice={choice} />
  );
  const { lead, more } = leadInsights(insights.filter((i) => !i.significance?.couldBeChance));
  const firm = lead;
  const maybe = insights.filter((i) => i.significance?.couldBeChance);
  return (
    <FoldSection
      id="ins-cards"
      class="insights-cards"
      heading={t('insights:cards.heading')}
      hint={t('insights:cards.count', { count: insights.length })}
    >
      <p class="muted">{t('insights:cards.intro')}</p>
      {firm.length === 0 ? <p class="card">{t('insights:cards.none')}</p> : null}
      <ul class="card-list">{firm.map(card)}</ul>
      {more.length > 0 ? (
        <details class="more-insights">
          <summary>{t('insights:cards.more', { count: more.length })}</summary>
          <ul class="card-list">{more.map(card)}</ul>
        </details>
      ) : null}
      {maybe.length > 0 ? (
        <details class="maybe-chance">
          <summary>{t('insights:cards.maybeChance', { count: maybe.length })}</summary>
          <ul class="card-list">{maybe.map(card)}</ul>
        </details>
      ) : null}
    </FoldSection>
  );
}

/**
 * The first insight of each kind leads (in the analysis's order, so what is unlikely to be chance
 * comes first); further ones of the same kind fold away, so one glance shows every kind of pattern.
 */
export function leadInsights(insights: readonly Insight[]): { lead: Insight[]; more: Insight[] } {
  const seen = new Set<string>();
  const lead: Insight[] = [];
  const more: Insight[] = [];
  for (const i of insights) {
    // Not-addressed pupils each lead: every one of them is a pupil the teacher may overlook.
    const key = i.kind === 'notAddressed' ? i.id : i.kind;
    if (seen.has(key)) more.push(i);
    else {
      seen.add(key);
      lead.push(i);
    }
  }
  return { lead, more };
}

function InsightCard({
  insight,
  view,
  ctx,
  choice,
}: {
  insight: Insight;
  view: InsightsView;
  ctx: InsightContext;
  choice: HelpByChoice | null;
}) {
  const words = describeInsight(insight, ctx);
  const deliberate = insight.params.metric === 'help' ? helpChoiceText(choice) : null;
  const drill = drillFor(insight, view);
  const pupils = insight.pupils && insight.pupils.length <= 3 ? insight.pupils : [];
  const chance = insight.significance?.couldBeChance;
  return (
    <li
      class={chance ? 'card insight-card insight-chance' : 'card insight-card'}
      data-insight={insight.id}
    >
      <p class="insight-obs">{words.observation}</p>
      <p class="insight-question">
        <span aria-hidden="true">? </span>
        {words.question}
      </p>
      {deliberate ? <p class="insight-deliberate">{deliberate}</p> : null}
      {words.chance ? (
        <p class={chance ? 'note note-chance' : 'note note-unlikely'}>
          <Icon name={chance ? 'chance' : 'unlikely'} />
          {words.chance}
        </p>
      ) : null}
      <MoreDetail lines={words.detail} />
      <p class="insight-meta muted small">
        {words.basis}
        {words.research ? (
          <>
            <br />
            {words.research}
          </>
        ) : null}
      </p>
      {drill || pupils.length > 0 ? (
        <div class="insight-actions">
          {drill ? (
            <button type="button" onClick={() => view.onDrill(drill)}>
              {t('insights:cards.showBehind')}
            </button>
          ) : null}
          {pupils.map((id) => (
            <a key={id} class="button" href={href('pupil', id)}>
              {t('insights:cards.toPupil', { name: view.names.get(id) ?? '?' })}
            </a>
          ))}
        </div>
      ) : null}
    </li>
  );
}
