import { href } from '../../ui/router';
import { t } from '../../i18n';
import { describeIntention } from './describe';
import { ProgressBar } from './ProgressBar';
import { useIntentions } from './useIntentions';
import './intentions.css';

/**
 * A compact list of the class's running intentions with their progress, for the class screen.
 * Renders its own h2; finished intentions waiting for a look back are counted with a link.
 */
export function ActiveIntentions({ classId }: { classId: string }) {
  const state = useIntentions(classId);
  if (!state) return null;
  const active = state.items.filter((i) => i.progress.phase === 'active');
  const ended = state.items.filter((i) => i.progress.phase === 'ended').length;
  const link = href('class', classId, 'intentions');
  return (
    <section class="active-intentions" aria-labelledby="active-intentions-heading">
      <h2 id="active-intentions-heading">{t('intentions:active.heading')}</h2>
      {active.length === 0 ? <p class="muted">{t('intentions:active.none')}</p> : null}
      <ul class="list">
        {active.map(({ intention, progress }) => (
          <li key={intention.id} class="active-intention">
            <p class="active-intention-title">{describeIntention(intention, state.ctx)}</p>
            <ProgressBar progress={progress} intention={intention} />
          </li>
        ))}
      </ul>
      {ended > 0 ? (
        <p>
          <a href={link}>{t('intentions:active.toClose', { count: ended })}</a>
        </p>
      ) : null}
      <a class="button" href={link}>
        {active.length + ended === 0 && state.items.length === 0
          ? t('intentions:active.set')
          : t('intentions:active.all')}
      </a>
    </section>
  );
}
