import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ValidationError } from '../../model/errors';
import { useLiveQuery } from '../../db/hooks';
import {
  activePromptStates,
  dismissPrompt,
  loadPromptData,
  restorePrompt,
  snoozePrompt,
  type PromptData,
} from '../../db/repo/promptStates';
import { reportStorageError } from '../../db/status';
import type { Id } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { currentLanguage, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import {
  promptAnalysisOptions,
  runPrompts,
  snoozeUntil,
  visiblePrompts,
  type Prompt,
  type PromptRun,
} from '../../reflection';
import { showToast } from '../../ui/toastStore';
import { PromptCard } from './PromptCard';
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
  const from = promptAnalysisOptions(today).from ?? today;
  const loaded = useLiveQuery(() => loadPromptData(classId, from, today), [classId, from, today]);
  const states = useLiveQuery(() => activePromptStates(classId), [classId]);
  const run = useDeferredRun(loaded, today);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section class="prompts" aria-labelledby="prompts-heading">
      <Heading id="prompts-heading" ref={headingRef} tabIndex={-1}>
        {t('prompts:heading')}
      </Heading>
      <p class="muted prompts-intro">{t('prompts:intro')}</p>
      {loaded === null ? null : run === null || states === undefined ? (
        <p class="muted" role="status">
          {t('prompts:loading')}
        </p>
      ) : (
        <Prompts
          classId={classId}
          today={today}
          data={run.data}
          run={run.run}
          hiddenCount={states.length}
          visible={visiblePrompts(run.run.prompts, states, today)}
          cardHeading={headingLevel === 2 ? 3 : 4}
          focusHeading={() => headingRef.current?.focus()}
        />
      )}
    </section>
  );
}

/**
 * Runs analysis and rules after the screen has painted (it takes a moment on a year of data), and
 * again whenever the records change.
 */
function useDeferredRun(
  loaded: PromptData | null | undefined,
  today: string,
): { data: PromptData; run: PromptRun } | null {
  const [state, setState] = useState<{ data: PromptData; run: PromptRun } | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(() => {
      setState({
        data: loaded,
        run: runPrompts(loaded.data, loaded.intentions, today, undefined, loaded.history),
      });
    }, 0);
    return () => clearTimeout(timer);
  }, [loaded, today]);
  return loaded ? state : null;
}

interface PromptsProps {
  classId: Id;
  today: string;
  data: PromptData;
  run: PromptRun;
  visible: Prompt[];
  hiddenCount: number;
  cardHeading: 3 | 4;
  focusHeading: () => void;
}

function Prompts({
  classId,
  today,
  data,
  run,
  visible,
  hiddenCount,
  cardHeading,
  focusHeading,
}: PromptsProps) {
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const ctx = useMemo(
    () => ({
      pupilNames: new Map(data.data.pupils.map((p) => [p.id, p.name])),
      lenses: data.data.lenses,
      intentions: data.intentions,
    }),
    [data],
  );

  const act = async (prompt: Prompt, write: () => Promise<unknown>, message: string) => {
    setBusy(prompt.key);
    try {
      await write();
      // The card is gone: keep keyboard and screen-reader users in the list.
      focusHeading();
      showToast(message, {
        actionLabel: t('prompts:toast.undo'),
        onAction: () => restorePrompt(classId, prompt.key).catch(reportFailure),
      });
    } catch (e) {
      reportFailure(e);
    } finally {
      setBusy(null);
    }
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

  const { result } = run.input;
  const o = result.options;
  if (visible.length === 0) {
    const tooLittle = result.basis.lessons < o.minLessons || result.basis.events < o.minEvents;
    return (
      <p class="prompts-empty">
        {run.prompts.length > 0 && hiddenCount > 0
          ? t('prompts:allHidden', { count: run.prompts.length })
          : tooLittle
            ? t('prompts:tooLittle', { lessons: o.minLessons, events: o.minEvents })
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

function reportFailure(e: unknown): void {
  if (e instanceof ValidationError) {
    showToast(t(`prompts:errors.${e.code}`), { tone: 'error' });
  } else {
    reportStorageError(e);
  }
}
