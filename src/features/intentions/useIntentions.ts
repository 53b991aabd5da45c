import { useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../../db/hooks';
import { loadIntentionsPageData, type IntentionsPageData } from '../../db/repo/intentions';
import type { IntentionRecord } from '../../model/types';
import { toIsoDate } from '../../domain/dates';
import { intentionProgress, type IntentionProgress } from '../../domain/intentions';
import type { DescribeContext } from './describe';

export interface IntentionItem {
  intention: IntentionRecord;
  progress: IntentionProgress;
}

export interface IntentionsState {
  view: IntentionsPageData;
  items: IntentionItem[];
  ctx: DescribeContext;
}

/**
 * The class's intentions with their progress, recomputed whenever a lesson, event, absence or
 * intention of the class changes. undefined while loading, null when the class is gone.
 */
export function useIntentions(classId: string): IntentionsState | null | undefined {
  const [today] = useState(() => toIsoDate(new Date()));
  const view = useLiveQuery(() => loadIntentionsPageData(classId, today), [classId, today]);
  return useMemo(() => {
    if (!view) return view;
    const items = view.intentions.map((intention) => ({
      intention,
      progress: intentionProgress(intention, view.data),
    }));
    const ctx: DescribeContext = {
      pupilNames: new Map(view.data.pupils.map((p) => [p.id, p.name])),
      lenses: view.lenses,
    };
    return { view, items, ctx };
  }, [view]);
}
