import { href } from '../../ui/router';
import type { Id } from '../../model/types';
import { t } from '../../i18n';
import type { Prompt, PromptRule } from '../../reflection';
import type { PromptTexts } from './promptText';
import { CauseChoice } from '../cause/CauseChoice';

/** Where a rule's concrete suggestion is acted on (a screen of the class). */
const ACTION_LINK: Partial<Record<PromptRule, 'banking' | 'expectations' | 'intentions'>> = {
  intentionNoClosing: 'intentions',
  correctionsConflict: 'banking',
  bankingNotYet: 'banking',
  expectationBelowResults: 'expectations',
  lensExpectationGap: 'expectations',
  expectationsNever: 'expectations',
  expectationsStale: 'expectations',
};

/**
 * Prompts about one pupil where something may be going wrong: the card offers the optional tap
 * "where do you see the cause?" (issue 14).
 */
const CAUSE_RULES: ReadonlySet<PromptRule> = new Set<PromptRule>([
  'notAddressed',
  'correctionsConflict',
  'bankingNotYet',
  'closenessAttention',
]);

interface PromptCardProps {
  classId: Id;
  prompt: Prompt;
  texts: PromptTexts;
  /** Names of the pupils a group prompt is about (shown folded away). */
  pupilNames: string[];
  busy: boolean;
  headingLevel: 3 | 4;
  onSnooze: (prompt: Prompt, title: string) => void;
  onDismiss: (prompt: Prompt, title: string) => void;
}

/** One prompt: observation, question, suggestion, the counts and research behind it, and actions. */
export function PromptCard({
  classId,
  prompt,
  texts,
  pupilNames,
  busy,
  headingLevel,
  onSnooze,
  onDismiss,
}: PromptCardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const action = ACTION_LINK[prompt.rule];
  const journal = `${href('class', classId, 'journal')}?insight=${encodeURIComponent(prompt.key)}${
    prompt.pupilIds?.length === 1 ? `&pupil=${encodeURIComponent(prompt.pupilIds[0] ?? '')}` : ''
  }`;
  return (
    <li class="prompt card">
      <Heading class="prompt-title">{texts.title}</Heading>
      <p class="prompt-observation">{texts.observation}</p>
      {texts.also ? <p class="prompt-also">{texts.also}</p> : null}
      <div class="prompt-question">
        <p class="prompt-label">{t('prompts:labels.question')}</p>
        <p>{texts.question}</p>
      </div>
      <div class="prompt-suggestion">
        <p class="prompt-label">{t('prompts:labels.suggestion')}</p>
        <p>{texts.suggestion}</p>
      </div>
      {pupilNames.length > 1 ? (
        <details class="prompt-pupils">
          <summary>{t('prompts:labels.pupils', { count: pupilNames.length })}</summary>
          <p>{pupilNames.join(', ')}</p>
        </details>
      ) : null}
      {CAUSE_RULES.has(prompt.rule) && prompt.pupilIds?.length === 1 && pupilNames[0] ? (
        <CauseChoice
          pupilId={prompt.pupilIds[0] ?? ''}
          pupilName={pupilNames[0]}
          source="prompt"
          sourceKey={prompt.key}
        />
      ) : null}
      <p class="prompt-meta">{texts.basis}</p>
      <p class="prompt-meta">{texts.research}</p>
      <div class="prompt-links">
        <a href={journal} aria-label={t('prompts:actions.journalName', { title: texts.title })}>
          {t('prompts:actions.journal')}
        </a>
        {action ? (
          <a href={href('class', classId, action)}>{t(`prompts:links.${action}`)}</a>
        ) : null}
      </div>
      <div class="prompt-actions">
        <button
          type="button"
          disabled={busy}
          aria-label={t('prompts:actions.snoozeName', { title: texts.title })}
          onClick={() => onSnooze(prompt, texts.title)}
        >
          {t('prompts:actions.snooze')}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-label={t('prompts:actions.dismissName', { title: texts.title })}
          onClick={() => onDismiss(prompt, texts.title)}
        >
          {t('prompts:actions.dismiss')}
        </button>
      </div>
    </li>
  );
}
