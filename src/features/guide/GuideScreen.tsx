import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { href, useRoute } from '../../ui/router';
import { PracticeRound } from './PracticeRound';
import { GUIDE_RESEARCH, GUIDE_SECTIONS } from './sections';
import './guide.css';

/** Back to the lesson the guide was opened from (live or afterwards), else the start screen. */
function backHref(query: URLSearchParams): string {
  const lesson = query.get('lesson');
  if (!lesson) return '#/';
  const mode = query.get('mode');
  if (mode === 'after') return href('lesson', lesson, 'after');
  if (mode === 'reflect') return href('lesson', lesson, 'reflect');
  return href('lesson', lesson);
}

/**
 * How to code interactions: what counts as each kind and detail, with examples, and a practice
 * round, so that a count means the same from day to day.
 */
export function GuideScreen() {
  const { query } = useRoute();
  return (
    <Screen title={t('guide:title')} back={backHref(query)}>
      <p>{t('guide:intro')}</p>
      <nav aria-label={t('guide:contents')}>
        <ul class="guide-contents">
          {GUIDE_SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#guide-${s}`} onClick={(e) => jump(e, `guide-${s}`)}>
                {t(`guide:sections.${s}.title`)}
              </a>
            </li>
          ))}
          <li>
            <a href="#guide-practice" onClick={(e) => jump(e, 'guide-practice')}>
              {t('guide:practice.heading')}
            </a>
          </li>
        </ul>
      </nav>
      {GUIDE_SECTIONS.map((s) => (
        <section key={s} class="card guide-section" aria-labelledby={`guide-${s}`}>
          <h2 id={`guide-${s}`} tabIndex={-1}>
            {t(`guide:sections.${s}.title`)}
          </h2>
          <p>{t(`guide:sections.${s}.what`)}</p>
          <p class="guide-example">
            <span class="guide-label">{t('guide:counts')}</span> {t(`guide:sections.${s}.yes`)}
          </p>
          <p class="guide-example">
            <span class="guide-label">{t('guide:notThis')}</span> {t(`guide:sections.${s}.no`)}
          </p>
          <p class="muted">{t('guide:research', { list: GUIDE_RESEARCH[s].join('; ') })}</p>
        </section>
      ))}
      <section class="card guide-section" aria-labelledby="guide-practice">
        <h2 id="guide-practice" tabIndex={-1}>
          {t('guide:practice.heading')}
        </h2>
        <p>{t('guide:practice.intro')}</p>
        <PracticeRound />
      </section>
    </Screen>
  );
}

/** In-page links: the hash is the router's, so scroll and focus by hand. */
function jump(e: Event, id: string): void {
  e.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}
