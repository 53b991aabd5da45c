/**
 * Rules about one pupil: hardly addressed, corrected far more than praised with a strained
 * relationship, high conflict without Banking Time, low closeness with little personal attention,
 * and an expectation clearly below the pupil's results.
 */
import {
  attentionTest,
  familyKey,
  feedbackTest,
  notAddressedFindings,
  survives,
} from '../../analysis';
import { firm } from '../findings';
import type { Id } from '../../model/types';
import { historyOf, presentLessonsOf, removedPupils } from '../helpers';
import { R } from '../research';
import type { Prompt, RuleFn } from '../types';

/**
 * The card's finding (analysis `notAddressedOf`: no or very few turns over the recent lessons or
 * the period), prompted only when the count is unlikely to be chance.
 */
export const notAddressed: RuleFn = ({ result }) => {
  const quiet = result.quiet;
  if (quiet.pattern.status !== 'ok') return [];
  const basis = quiet.pattern.basis;
  const removed = removedPupils(result);
  const out: Prompt[] = [];
  for (const f of notAddressedFindings(result)) {
    const pupilId = f.pupils?.[0];
    if (pupilId === undefined || removed.has(pupilId) || !firm(f)) continue;
    const p = f.params;
    out.push({
      key: `notAddressed:${pupilId}`,
      rule: 'notAddressed',
      pupilIds: [pupilId],
      params: {
        window: p.window,
        turns: p.turns,
        lessons: p.lessons,
        expectedTurns: p.expectedTurns,
        p: f.significance?.p ?? 1,
      },
      basis,
      research: [R.brophyGood1970, R.kerman1979],
    });
  }
  return out;
};

/**
 * A pupil with a conflict rating of 3 or more who gets more corrections than praise, and a smaller
 * share of praise than the rest of the class beyond chance (exact binomial test).
 */
export const correctionsConflict: RuleFn = ({ result }, t) => {
  const ratings = new Map(result.relationship.pupils.map((r) => [r.pupilId, r]));
  const removed = removedPupils(result);
  const out: Prompt[] = [];
  for (const p of result.quality.pupils) {
    const rating = ratings.get(p.pupilId);
    if (!rating || rating.conflict < t.conflictForCorrections || removed.has(p.pupilId)) continue;
    // The card's feedback test (analysis chance.ts): same p, same family decision.
    const f = feedbackTest(result, p.pupilId);
    if (!f) continue;
    const { praise, restShare, share } = f;
    const corr = f.corrections;
    if (corr < t.minCorrections || corr <= praise || share >= restShare) continue;
    if (!survives(result.chance, familyKey.feedback(p.pupilId))) continue;
    const pValue = f.p;
    const prompt: Prompt = {
      key: `correctionsConflict:${p.pupilId}`,
      rule: 'correctionsConflict',
      pupilIds: [p.pupilId],
      params: {
        praise,
        corrections: corr,
        correctionWork: p.correctionWork ?? 0,
        correctionBehaviour: p.correctionBehaviour ?? 0,
        lessons: p.presentLessons,
        conflict: rating.conflict,
        positiveShare: share,
        restPositiveShare: restShare,
        bankingSessions: p.bankingSessions,
        p: pValue,
      },
      basis: { lessons: p.presentLessons, events: praise + corr, pupils: 1 },
      research: [R.driscollPianta2010, R.pianta2001, R.brophyGood1970],
    };
    // Banking Time already under way: the suggestion is to keep at it, not to start.
    if (p.bankingSessions > 0) prompt.variant = 'banking';
    out.push(prompt);
  }
  return out;
};

/** High conflict (4–5) and not a single Banking Time session yet, ever. */
export const bankingNotYet: RuleFn = (input, t) => {
  const { result, today } = input;
  if (result.basis.lessons < result.options.minLessons) return [];
  const banked = new Set<Id>();
  for (const b of historyOf(input).banking) {
    if (b.classId === result.classId && b.deletedAt === null && b.date <= today) {
      banked.add(b.pupilId);
    }
  }
  const present = presentLessonsOf(result);
  const removed = removedPupils(result);
  const out: Prompt[] = [];
  for (const r of result.relationship.pupils) {
    if (r.conflict < t.conflictForBanking || banked.has(r.pupilId) || removed.has(r.pupilId)) {
      continue;
    }
    const lessons = present.get(r.pupilId) ?? 0;
    if (lessons < result.options.minLessons) continue;
    out.push({
      key: `bankingNotYet:${r.pupilId}`,
      rule: 'bankingNotYet',
      pupilIds: [r.pupilId],
      params: { conflict: r.conflict, closeness: r.closeness, ratedOn: r.date, lessons },
      basis: { lessons, events: 0, pupils: 1 },
      research: [R.driscollPianta2010, R.pianta2001],
    });
  }
  return out;
};

/**
 * Closeness rated 1–2 and personal attention at most a third of the pupil's fair share, which an
 * exact binomial test calls unlikely to be chance.
 */
export const closenessAttention: RuleFn = ({ result }, t) => {
  const d = result.distribution.find((x) => x.metric === 'personal');
  if (!d || d.pattern.status !== 'ok') return [];
  const basis = d.pattern.basis;
  const removed = removedPupils(result);
  const out: Prompt[] = [];
  for (const r of result.relationship.pupils) {
    if (r.closeness > t.closenessAtMost || removed.has(r.pupilId)) continue;
    const a = attentionTest(result, r.pupilId);
    if (!a || a.personal > a.expected * t.fewFraction) continue;
    if (!survives(result.chance, familyKey.attention(r.pupilId))) continue;
    out.push({
      key: `closenessAttention:${r.pupilId}`,
      rule: 'closenessAttention',
      pupilIds: [r.pupilId],
      params: {
        personal: a.personal,
        lessons: a.lessons,
        expected: a.expected,
        closeness: r.closeness,
        p: a.p,
      },
      basis,
      research: [R.pianta2001, R.hamrePianta2001, R.kerman1979],
    });
  }
  return out;
};

/** The expectation places the pupil clearly lower than at least two assessments do. */
export const expectationBelowResults: RuleFn = ({ result }, t) => {
  const a = result.achievement;
  if (a.pattern.status !== 'ok') return [];
  const basis = a.pattern.basis;
  const removed = removedPupils(result);
  const placements = new Map(a.pupils.map((p) => [p.pupilId, p]));
  const out: Prompt[] = [];
  for (const id of a.pattern.lower) {
    const pl = placements.get(id);
    if (!pl || removed.has(id) || pl.assessments < t.minAssessments) continue;
    if (pl.gap === null || pl.expectationPosition === null || pl.achievementPosition === null) {
      continue;
    }
    out.push({
      key: `expectationBelowResults:${id}`,
      rule: 'expectationBelowResults',
      pupilIds: [id],
      params: {
        gap: -pl.gap,
        expectationPosition: pl.expectationPosition,
        achievementPosition: pl.achievementPosition,
        assessments: pl.assessments,
        footing: a.footing,
      },
      basis,
      research: [R.denessen2022, R.rubieDavies2015],
    });
  }
  return out;
};
