import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { expectationGroupSizes, type IntentionPhase } from '../../domain/intentions';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { CauseMirrorCard } from '../cause/CauseMirrorCard';
import { IntentionCard } from './IntentionCard';
import { IntentionForm } from './IntentionForm';
import { useIntentions, type IntentionItem, type IntentionsState } from './useIntentions';
import './intentions.css';

/** The intentions of a class: set one, follow the active ones, look back on finished ones. */
export function IntentionsScreen({ classId }: { classId: string }) {
  const state = useIntentions(classId);
  if (state === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (state === null) {
    return (
      <Screen title={t('intentions:notFound.title')} back="#/">
        <p>{t('intentions:notFound.body')}</p>
      </Screen>
    );
  }
  return <Intentions state={state} />;
}

const SECTIONS: ReadonlyArray<{ phase: IntentionPhase; key: string }> = [
  { phase: 'ended', key: 'ended' },
  { phase: 'active', key: 'active' },
  { phase: 'upcoming', key: 'upcoming' },
];

function Section({
  id,
  title,
  items,
  ctx,
}: { id: string; title: string } & Pick<IntentionsState, 'ctx'> & { items: IntentionItem[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="intention-list">
        {items.map((item) => (
          <IntentionCard key={item.intention.id} {...item} ctx={ctx} />
        ))}
      </ul>
    </section>
  );
}

function Intentions({ state }: { state: IntentionsState }) {
  const { view, items, ctx } = state;
  const [formOpen, setFormOpen] = useState(false);
  const pupils = view.data.pupils.filter((p) => !p.removedAt);
  const closed = items.filter((i) => i.progress.phase === 'closed');
  return (
    <Screen
      title={t('intentions:title', { name: view.cls.name })}
      back={href('class', view.cls.id)}
    >
      <details class="card intention-about" open={items.length === 0}>
        <summary>{t('intentions:about.title')}</summary>
        <p>{t('intentions:about.what')}</p>
        <p>{t('intentions:about.how')}</p>
        <p class="muted">{t('intentions:about.source')}</p>
      </details>

      {formOpen ? (
        <section aria-labelledby="intention-form-heading">
          <h2 id="intention-form-heading">{t('intentions:form.heading')}</h2>
          <IntentionForm
            classId={view.cls.id}
            pupils={pupils}
            lenses={view.lenses}
            groupSizes={expectationGroupSizes(view.data)}
            ctx={ctx}
            onDone={() => setFormOpen(false)}
          />
        </section>
      ) : pupils.length > 0 ? (
        <button type="button" class="primary intention-new" onClick={() => setFormOpen(true)}>
          <span aria-hidden="true">+</span> {t('intentions:form.open')}
        </button>
      ) : (
        <p class="card">
          {t('intentions:noPupils')}{' '}
          <a href={href('class', view.cls.id, 'pupils')}>{t('intentions:addPupils')}</a>
        </p>
      )}

      {items.length === 0 ? <p class="muted intention-empty">{t('intentions:empty')}</p> : null}
      {SECTIONS.map(({ phase, key }) => {
        const list = items.filter((i) => i.progress.phase === phase);
        return list.length > 0 ? (
          <Section
            key={key}
            id={`intentions-${key}`}
            title={t(`intentions:sections.${key}`)}
            items={list}
            ctx={ctx}
          />
        ) : null;
      })}
      <CauseMirrorCard data={{ ...view.data, lenses: view.lenses }} />
      {closed.length > 0 ? (
        <details class="intention-closed">
          <summary>{t('intentions:sections.closed', { count: closed.length })}</summary>
          <ul class="intention-list">
            {closed.map((item) => (
              <IntentionCard key={item.intention.id} {...item} ctx={ctx} />
            ))}
          </ul>
        </details>
      ) : null}
    </Screen>
  );
}
