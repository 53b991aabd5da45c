/** What each worker request does. Runs in the worker, or in the thread as a fallback. */
import { loadPromptData } from '../db/repo/promptStates';
import { promptAnalysisOptions, runPrompts } from '../reflection';
import type { PromptView, WorkerAnswer, WorkerRequest } from './protocol';

async function promptView(classId: string, today: string): Promise<PromptView | null> {
  const from = promptAnalysisOptions(today).from ?? today;
  const loaded = await loadPromptData(classId, from, today);
  if (!loaded) return null;
  const run = runPrompts(loaded.data, loaded.intentions, today, undefined, loaded.history);
  const { result } = run.input;
  return {
    prompts: run.prompts,
    basis: {
      lessons: result.basis.lessons,
      events: result.basis.events,
      minLessons: result.options.minLessons,
      minEvents: result.options.minEvents,
    },
    pupilNames: loaded.data.pupils.map((p) => [p.id, p.name]),
    lenses: loaded.data.lenses,
    intentions: loaded.intentions,
  };
}

export function runTask<R extends WorkerRequest>(request: R): Promise<WorkerAnswer<R>> {
  switch (request.kind) {
    case 'promptView':
      return promptView(request.classId, request.today) as Promise<WorkerAnswer<R>>;
  }
}
