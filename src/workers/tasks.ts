/** What each worker request does. Runs in the worker, or in the thread as a fallback. */
import {
  analyseClass,
  deriveInsights,
  drillRows,
  unmarked,
  type ClassData,
  type DrillRows,
} from '../analysis';
import { loadInsightsData } from '../db/repo/insightsData';
import { loadPromptData } from '../db/repo/promptStates';
import { listIntentions } from '../db/repo/intentions';
import { helpByChoice, promptAnalysisOptions, runPrompts } from '../reflection';
import type {
  InsightsDrillRequest,
  InsightsScreenData,
  InsightsAnswer,
  InsightsViewRequest,
  PromptView,
  WorkerAnswer,
  WorkerRequest,
} from './protocol';

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

// The last read, so changing a filter (kinds, lessons, split) analyses again without reading.
let lastRead: { key: string; data: ClassData | null } | null = null;

/** Forgets the last read (the app lock locked: no names stay in memory). */
export function forgetReads(): void {
  lastRead = null;
}

/** The class's data for the period, read again only when the period or the data changed. */
async function readPeriod(
  r: Pick<InsightsViewRequest, 'classId' | 'from' | 'to' | 'generation'>,
): Promise<ClassData | null> {
  const key = JSON.stringify([r.classId, r.from, r.to, r.generation]);
  const data =
    lastRead?.key === key
      ? lastRead.data
      : await loadInsightsData(r.classId, { from: r.from, to: r.to });
  lastRead = { key, data };
  return data;
}

/** The screen's part of the data: everything but the events and absences. */
function screenData(data: ClassData): InsightsScreenData {
  const { events: _events, absences: _absences, ...rest } = data;
  return rest;
}

async function insightsDrill(r: InsightsDrillRequest): Promise<DrillRows | null> {
  const data = await readPeriod(r);
  return data ? drillRows(data, r.query) : null;
}

async function insightsView(r: InsightsViewRequest): Promise<InsightsAnswer> {
  const t0 = performance.now();
  const data = await readPeriod(r);
  const t1 = performance.now();
  if (!data) return { data: null, analysis: null, timings: { readMs: t1 - t0, analysisMs: 0 } };
  const result = analyseClass(data, {
    today: r.today,
    ...(r.from ? { from: r.from } : {}),
    to: r.to,
    kinds: r.kinds,
    ...(r.lessonIds ? { lessonIds: r.lessonIds } : {}),
    ...(r.split ? { splitDate: r.split } : {}),
  });
  const analysis = {
    result,
    insights: deriveInsights(result),
    unmarked: unmarked(data.events, result.lessonIds, result.metrics),
    // Intentions are few; read only when help is in scope.
    helpByChoice: result.metrics.includes('help')
      ? helpByChoice(result, data, await listIntentions(r.classId))
      : null,
  };
  return {
    data: screenData(data),
    analysis,
    timings: { readMs: t1 - t0, analysisMs: performance.now() - t1 },
  };
}

export function runTask<R extends WorkerRequest>(request: R): Promise<WorkerAnswer<R>> {
  switch (request.kind) {
    case 'promptView':
      return promptView(request.classId, request.today) as Promise<WorkerAnswer<R>>;
    case 'insightsView':
      return insightsView(request) as Promise<WorkerAnswer<R>>;
    case 'insightsDrill':
      return insightsDrill(request) as Promise<WorkerAnswer<R>>;
  }
}
