import { useMemo, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '../../db/hooks';
import {
  activePromptStates,
  dismissPrompt,
  restorePrompt,
  snoozePrompt,
} from '../../db/repo/promptStates';
import { runAction } from '../../db/status';
import type { Id } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { currentLanguage, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { snoozeUntil, visiblePrompts, type Prompt } from '../../reflection';
import type { PromptView } from '../../workers/protocol';
import { toastInvalid } from '../../ui/invalid';
import { showToast } from '../../ui/toastStore';
import { PromptCard } from './PromptCard';
import { usePromptView } from './usePromptView';
import { promptTexts } from './promptText';
import './prompts.css';

/** Cards shown before "Show all": enough to act on, few enough to keep the screen calm. */
export const PROMPTS_SHOWN = 3;

interface PromptListProps {
  classId: Id;
  /** Heading level of the list (its cards get the next one). Default 2. */
  headingLevel?: 2 | 3;
}

/**
 * Prompts from patterns for one class: loads the class's records, runs the analysis and the rule
 * set, and shows what is neither dismissed nor snoozed, each with "Not now" and "Dismiss".
 */
export function PromptList({ classId, headingLevel = 2 }: PromptListProps) {
  const [today] = useState(() => toIsoDate(new Date()));
  const view = usePromptView(classId, today);
  const states = useLiveQuery(() => activePromptStates(classId), [classId]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section class="prompts" aria-labelledby="prompts-heading">
      <Heading id="prompts-heading" ref={headingRef} tabIndex={-1}>
        {t('prompts:heading')}
      </Heading>
      <p class="muted prompts-intro">{t('prompts:intro')}</p>
      {view === null ? null : view === undefined || states === undefined ? (
        <p class="muted" role="status">
          {t('prompts:loading')}
        </p>
      ) : (
        <Prompts
          classId={classId}
          today={today}
          view={view}
          hiddenCount={states.length}
          visible={visiblePrompts(view.prompts, states, today)}
          cardHeading={headingLevel === 2 ? 3 : 4}
          focusHeading={() => headingRef.current?.focus()}
        />
      )}
    </section>
  );
}

interface PromptsProps {
  classId: Id;
  today: string;
  view: PromptView;
  visible: Prompt[];
  hiddenCount: number;
  cardHeading: 3 | 4;
  focusHeading: () => void;
}

function Prompts({
  classId,
  today,
  view,
  visible,
  hiddenCount,
  cardHeading,
  focusHeading,
}: PromptsProps) {
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const ctx = useMemo(
    () => ({
      pupilNames: new Map(view.pupilNames),
      lenses: view.lenses,
      intentions: view.intentions,
    }),
    [view],
  );

  const act = async (prompt: Prompt, write: () => Promise<unknown>, message: string) => {
    setBusy(prompt.key);
    await runAction(async () => {
      await write();
      // The card is gone: keep keyboard and screen-reader users in the list.
      focusHeading();
      showToast(message, {
        actionLabel: t('prompts:toast.undo'),
        onAction: async () => {
          await runAction(() => restorePrompt(classId, prompt.key), refused);
        },
      });
    }, refused);
    setBusy(null);
  };
  const onSnooze = (prompt: Prompt) => {
    const until = snoozeUntil(today);
    void act(
      prompt,
      () => snoozePrompt(classId, prompt.key, until),
      t('prompts:toast.snoozed', { date: formatDate(until) }),
    );
  };
  const onDismiss = (prompt: Prompt) =>
    void act(prompt, () => dismissPrompt(classId, prompt.key), t('prompts:toast.dismissed'));

  const b = view.basis;
  if (visible.length === 0) {
    const tooLittle = b.lessons < b.minLessons || b.events < b.minEvents;
    return (
      <p class="prompts-empty">
        {view.prompts.length > 0 && hiddenCount > 0
          ? t('prompts:allHidden', { count: view.prompts.length })
          : tooLittle
            ? t('prompts:tooLittle', { lessons: b.minLessons, events: b.minEvents })
            : t('prompts:empty')}
      </p>
    );
  }
  const shown = showAll ? visible : visible.slice(0, PROMPTS_SHOWN);
  return (
    <>
      <ul class="prompt-list">
        {shown.map((prompt) => (
          <PromptCard
            key={prompt.key}
            classId={classId}
            prompt={prompt}
            texts={promptTexts(prompt, ctx)}
            pupilNames={namesOf(prompt, ctx.pupilNames)}
            busy={busy === prompt.key}
            headingLevel={cardHeading}
            onSnooze={onSnooze}
            onDismiss={onDismiss}
          />
        ))}
      </ul>
      {visible.length > PROMPTS_SHOWN ? (
        <button
          type="button"
          class="prompts-more"
          aria-expanded={showAll}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? t('prompts:showFewer') : t('prompts:showAll', { count: visible.length })}
        </button>
      ) : null}
    </>
  );
}

/** The pupils of a group prompt by name, in alphabetical order. */
function namesOf(prompt: Prompt, names: ReadonlyMap<Id, string>): string[] {
  const collator = new Intl.Collator(currentLanguage());
  return (prompt.pupilIds ?? [])
    .map((id) => names.get(id))
    .filter((name): name is string => Boolean(name))
    .sort(collator.compare);
}

/** A refused write is said in a toast (a storage failure is on the banner). */
const refused = toastInvalid('prompts');
