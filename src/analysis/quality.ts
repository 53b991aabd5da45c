/**
 * Measure 2: the kind and quality of what each pupil gets — praise against correction (work and
 * behaviour apart), higher-order against recall questions, follow-ups, volunteered against
 * called-on turns, help, personal attention and banking time (TESA's feedback and
 * response-opportunity strands; Pianta's Banking Time).
 */
import type { Id } from '../model/types';
import type { Aggregate, ClassIndex } from './indexer';
import type { Metric } from './metrics';
import type { PupilQuality, QualityCounts, QualityResult } from './types';

const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || a + b === 0 ? null : a / (a + b);

/** Quality counts from one row of metric counts (null where the metric is out of scope). */
export function qualityFrom(
  get: (m: Metric) => number | null,
  presentLessons: number,
  banking: { sessions: number; minutes: number },
): QualityCounts {
  const praise = get('praise');
  const cw = get('correctionWork');
  const cb = get('correctionBehaviour');
  const turns = get('turn');
  const followUps = get('followUp');
  const higher = get('higherOrder');
  const recall = get('recall');
  const corrections = cw === null && cb === null ? null : (cw ?? 0) + (cb ?? 0);
  const asked = turns === null && followUps === null ? null : (turns ?? 0) + (followUps ?? 0);
  const volunteered = get('volunteered');
  const called = get('called');
  return {
    presentLessons,
    turns,
    praise,
    praiseSpecific: get('praiseSpecific'),
    correctionWork: cw,
    correctionBehaviour: cb,
    positiveShare: ratio(praise, corrections),
    positiveShareWork: ratio(praise, cw),
    positiveShareBehaviour: ratio(praise, cb),
    higherOrder: higher,
    recall,
    levelUnknown:
      asked === null || higher === null || recall === null ? null : asked - higher - recall,
    higherShare: ratio(higher, recall),
    followUps,
    followUpsPerTurn: followUps !== null && turns ? followUps / turns : null,
    volunteered,
    called,
    calledShare: ratio(called, volunteered),
    waitTime: get('waitTime'),
    help: get('help'),
    personal: get('personal'),
    bankingSessions: banking.sessions,
    bankingMinutes: banking.minutes,
  };
}

/** Banking sessions per pupil inside from..to (not deleted). */
export function bankingByPupil(
  index: ClassIndex,
  from: string | null = index.options.from,
  to: string = index.options.to,
): Map<Id, { sessions: number; minutes: number }> {
  const out = new Map<Id, { sessions: number; minutes: number }>();
  for (const b of index.data.banking) {
    if (b.classId !== index.data.cls.id || b.deletedAt !== null) continue;
    if (b.date > to || (from !== null && b.date < from)) continue;
    if (!index.pupilIdx.has(b.pupilId)) continue;
    const cur = out.get(b.pupilId) ?? { sessions: 0, minutes: 0 };
    cur.sessions += 1;
    cur.minutes += Number.isFinite(b.minutes) ? b.minutes : 0;
    out.set(b.pupilId, cur);
  }
  return out;
}

export function buildQuality(
  index: ClassIndex,
  agg: Aggregate,
  banking: Map<Id, { sessions: number; minutes: number }> | null,
): QualityResult {
  const { nM, slots, metrics } = index;
  const getter = (row: ArrayLike<number>, offset: number) => (m: Metric) =>
    slots[m] >= 0 ? (row[offset + slots[m]] ?? 0) : null;
  const pupils: PupilQuality[] = index.pupils.map((p, i) => {
    const present = agg.presences[i] ?? 0;
    const rates: Partial<Record<Metric, number | null>> = {};
    metrics.forEach(
      (m, k) => (rates[m] = present > 0 ? (agg.counts[i * nM + k] ?? 0) / present : null),
    );
    return {
      pupilId: p.id,
      ...qualityFrom(
        getter(agg.counts, i * nM),
        present,
        banking?.get(p.id) ?? { sessions: 0, minutes: 0 },
      ),
      rates,
    };
  });
  return { class: classQuality(index, agg, banking), pupils };
}

/** The class's totals only (time buckets). `presentLessons` is then all pupil-presences. */
export function classQuality(
  index: ClassIndex,
  agg: Aggregate,
  banking: Map<Id, { sessions: number; minutes: number }> | null,
): QualityCounts {
  let sessions = 0;
  let minutes = 0;
  for (const b of banking?.values() ?? []) {
    sessions += b.sessions;
    minutes += b.minutes;
  }
  const { slots } = index;
  return qualityFrom(
    (m) => (slots[m] >= 0 ? (agg.totals[slots[m]] ?? 0) : null),
    agg.totalPresences,
    { sessions, minutes },
  );
}
