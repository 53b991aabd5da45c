/**
 * Rules about the pupil's side (issue 14): where the teacher's own view of a relationship and
 * their estimate of the pupil's view lie far apart; corrections made in front of the class (per
 * pupil and per expectation band); strengths and aspirations left empty for the pupils the
 * teacher expects little of; and a school advice that places a pupil below their results.
 */
import { midRankPositions, publicCorrectionFindings } from '../../analysis';
import { firm } from '../findings';
import type { Id, RelationshipRecord } from '../../model/types';
import { removedPupils } from '../helpers';
import { R } from '../research';
import type { Prompt, PromptInput, PromptRule, PromptThresholds, RuleFn } from '../types';

/** The latest relationship rating per pupil on or before today, in this class. */
function latestRatings(
  rows: readonly RelationshipRecord[],
  classId: Id,
  today: string,
): Map<Id, RelationshipRecord> {
  const out = new Map<Id, RelationshipRecord>();
  for (const r of rows) {
    if (r.classId !== classId || r.date > today) continue;
    const cur = out.get(r.pupilId);
    if (!cur || r.date > cur.date || (r.date === cur.date && r.updatedAt > cur.updatedAt)) {
      out.set(r.pupilId, r);
    }
  }
  return out;
}

/**
 * The teacher rated closeness and, on the same card, how they think the pupil experiences the
 * relationship, and the two lie at least `viewGap` apart. One rating each: no pattern is claimed,
 * the two numbers are put side by side.
 */
export const relationshipViewsDiverge: RuleFn = ({ result, data, today }, t) => {
  const removed = removedPupils(result);
  const current = new Set(data.pupils.filter((p) => p.removedAt === null).map((p) => p.id));
  const out: Prompt[] = [];
  for (const r of latestRatings(data.relationships, result.classId, today).values()) {
    if (r.pupilView === undefined || removed.has(r.pupilId) || !current.has(r.pupilId)) continue;
    if (Math.abs(r.closeness - r.pupilView) < t.viewGap) continue;
    out.push({
      key: `relationshipViewsDiverge:${r.pupilId}:${r.date}`,
      rule: 'relationshipViewsDiverge',
      pupilIds: [r.pupilId],
      params: { closeness: r.closeness, pupilView: r.pupilView, ratedOn: r.date },
      basis: { lessons: 0, events: 0, pupils: 1 },
      research: [R.piantaHamreStuhlman2003, R.pianta2001],
      variant: r.pupilView < r.closeness ? 'lower' : 'higher',
    });
  }
  return out;
};

/**
 * Corrections with "where" marked: a pupil, or an expectation band, whose corrections were at
 * least `publicShare` in front of the class and more than the rest of the class's. The test (exact
 * binomial against the rest's share) is the analysis' (publicTests.ts) and a member of the class's
 * one chance family: it speaks only where Benjamini–Hochberg over that family, the same control
 * as the cards, calls it unlikely to be chance.
 */
function publicCorrections({ result, data }: PromptInput, t: PromptThresholds): Prompt[] {
  const thresholds = { publicShare: t.publicShare, minMarked: t.minMarkedCorrections };
  return publicCorrectionFindings(result, data, thresholds).flatMap((f): Prompt[] => {
    const { subject } = f;
    if (!firm(f)) return [];
    if (subject.kind === 'band' && subject.pupilIds.length < t.minGroupPupils) return [];
    const params: Prompt['params'] = {
      publicCount: f.publicCount,
      marked: f.marked,
      share: f.share,
      restShare: f.restShare,
      p: f.p,
    };
    const rule: PromptRule =
      subject.kind === 'pupil' ? 'correctionsPublic' : 'correctionsPublicByExpectation';
    if (subject.kind === 'band') params.band = subject.band;
    return [
      {
        key: `${rule}:${subject.kind === 'pupil' ? subject.pupilId : subject.band}`,
        rule,
        pupilIds: [...subject.pupilIds],
        params,
        basis: {
          lessons: result.basis.lessons,
          events: f.classMarked,
          pupils: subject.pupilIds.length,
        },
        research: [R.piantaHamreStuhlman2003, R.brophyGood1970],
      },
    ];
  });
}

/** One pupil's corrections mostly in front of the class (see publicCorrections). */
export const correctionsPublic: RuleFn = (input, t) =>
  publicCorrections(input, t).filter((p) => p.rule === 'correctionsPublic');

/** One expectation band's corrections mostly in front of the class (see publicCorrections). */
export const correctionsPublicByExpectation: RuleFn = (input, t) =>
  publicCorrections(input, t).filter((p) => p.rule === 'correctionsPublicByExpectation');

const filled = (text: string | undefined) => (text ?? '').trim().length > 0;

/**
 * The teacher has started to note strengths or aspirations, but for the pupils of whom they
 * expect little these stay empty more often than for the others. A count, not a test: the
 * prompt names how many, never more.
 */
export const strengthsEmpty: RuleFn = ({ result, data }, t) => {
  const removed = removedPupils(result);
  const current = data.pupils.filter((p) => p.removedAt === null && !removed.has(p.id));
  if (!current.some((p) => filled(p.strengths) || filled(p.aspirations))) return [];
  const byId = new Map(current.map((p) => [p.id, p]));
  const empty = (id: Id) => {
    const p = byId.get(id);
    return p !== undefined && !filled(p.strengths) && !filled(p.aspirations);
  };
  const groups = result.expectation.current.groups;
  const low = (groups.find((g) => g.group === 'low')?.pupilIds ?? []).filter((id) => byId.has(id));
  const rest = groups
    .filter((g) => g.group === 'middle' || g.group === 'high')
    .flatMap((g) => g.pupilIds)
    .filter((id) => byId.has(id));
  if (low.length < t.minGroupPupils || rest.length < t.minGroupPupils) return [];
  const lowEmpty = low.filter(empty);
  const restEmpty = rest.filter(empty).length;
  if (lowEmpty.length === 0 || lowEmpty.length / low.length <= restEmpty / rest.length) return [];
  return [
    {
      key: `strengthsEmpty:${lowEmpty.length}`,
      rule: 'strengthsEmpty',
      pupilIds: lowEmpty,
      params: {
        lowEmpty: lowEmpty.length,
        lowPupils: low.length,
        restEmpty,
        restPupils: rest.length,
      },
      basis: { lessons: 0, events: 0, pupils: low.length + rest.length },
      research: [R.quagliaCorso2017, R.brophyGood1970],
    },
  ];
};

/**
 * A characteristic made from the "advice" preset (its values run from the lowest advice to the
 * highest) places the pupil clearly lower in the class than at least two assessments do, on the
 * same class-position footing as the expectation (analysis achievement.ts).
 */
export const adviceBelowResults: RuleFn = ({ result, data }, t) => {
  const lens = data.lenses.find(
    (l) => l.classId === result.classId && l.deletedAt === null && l.preset === 'advice',
  );
  if (!lens) return [];
  const valueIndex = new Map(lens.values.map((v, i) => [v.id, i]));
  const removed = removedPupils(result);
  const pupils = new Map(data.pupils.map((p) => [p.id, p]));
  const compared = result.achievement.pupils.flatMap((pl) => {
    const valueId = pupils.get(pl.pupilId)?.lensValues[lens.id];
    const advice = valueId === undefined ? undefined : valueIndex.get(valueId);
    return advice === undefined || pl.achievementPosition === null
      ? []
      : [{ pl, advice, achievement: pl.achievementPosition }];
  });
  if (compared.length < result.options.minPupils) return [];
  const positions = midRankPositions(compared.map((c) => c.advice));
  const threshold = result.achievement.threshold - 1e-9;
  const out: Prompt[] = [];
  compared.forEach((c, i) => {
    const advicePosition = positions[i] ?? 0;
    const id = c.pl.pupilId;
    if (removed.has(id) || c.pl.assessments < t.minAssessments) return;
    if (advicePosition - c.achievement > -threshold) return;
    out.push({
      key: `adviceBelowResults:${id}:${c.advice}`,
      rule: 'adviceBelowResults',
      pupilIds: [id],
      params: {
        advice: lens.values[c.advice]?.label ?? '',
        advicePosition,
        achievementPosition: c.achievement,
        assessments: c.pl.assessments,
      },
      basis: {
        lessons: 0,
        events: result.achievement.assessments.length,
        pupils: compared.length,
      },
      research: [R.elffers2022, R.denessen2022],
    });
  });
  return out;
};
