/**
 * Rules about the class as a whole: turns concentrated on a few, the same hands going up, praise
 * that stays general, and thinking time rarely given.
 */
import { concentrationFindings, familyKey, specificPraiseTest, survives } from '../../analysis';
import { firm, insightThresholds } from '../findings';
import { isSignificant, scopedEvents } from '../helpers';
import { R } from '../research';
import type { RuleFn } from '../types';

/**
 * The card's concentration finding for turns, prompted when the most-addressed fifth gets at least
 * twice its even share of them (on the rates) and the spread is beyond chance.
 */
export const turnsConcentrated: RuleFn = ({ result }, t) => {
  const found = concentrationFindings(result, insightThresholds(t)).find(
    (f) => f.params.metric === 'turn',
  );
  if (!found || !firm(found) || !(found.params.topFifthShare >= t.topFifthShare)) return [];
  const p = found.params;
  return [
    {
      key: 'turnsConcentrated',
      rule: 'turnsConcentrated',
      pupilIds: found.pupils ?? [],
      // The gate is on the rates; the words name the part of the turns against the part of the
      // presences, the same figures as the insights' floor section and card.
      params: {
        share: p.countShare,
        size: p.topFifthSize,
        evenShare: p.presenceShare,
        pupils: found.basis.pupils,
        p: found.significance?.p ?? 1,
      },
      basis: found.basis,
      research: [R.kerman1979, R.reinholzShah2018],
    },
  ];
};

/**
 * At least two thirds of the turns (with initiative marked) were volunteered, and the volunteered
 * turns are spread more unequally than chance: the same hands go up.
 */
export const volunteeredDominate: RuleFn = ({ result }, t) => {
  const { volunteered, called } = result.quality.class;
  if (volunteered === null || called === null) return [];
  const n = volunteered + called;
  if (n < result.options.minEvents || result.basis.lessons < result.options.minLessons) return [];
  if (volunteered / n < t.volunteeredShare) return [];
  const d = result.distribution.find((x) => x.metric === 'volunteered');
  if (!d || d.pattern.status !== 'ok' || !isSignificant(d.pattern.dispersion)) return [];
  const { topFifth, basis } = d.pattern;
  return [
    {
      key: 'volunteeredDominate',
      rule: 'volunteeredDominate',
      pupilIds: topFifth.pupilIds,
      params: {
        volunteered,
        called,
        share: volunteered / n,
        topShare: topFifth.rateShare,
        size: topFifth.size,
        p: d.pattern.dispersion.p,
      },
      basis: { lessons: basis.lessons, events: n, pupils: basis.pupils },
      research: [R.kerman1979, R.wiliam2011],
    },
  ];
};

/**
 * Of the praise whose kind was marked, at most a third was specific, and "mostly general" is not
 * chance (exact binomial test against half).
 */
export const praiseGeneral: RuleFn = ({ result, data }, t) => {
  const s = specificPraiseTest(result, data);
  if (!s) return [];
  const { specific, general } = s;
  const n = specific + general;
  if (specific / n > t.specificPraiseShare) return [];
  if (!survives(result.chance, familyKey.specificPraise())) return [];
  const pValue = s.p;
  return [
    {
      key: 'praiseGeneral',
      rule: 'praiseGeneral',
      params: { specific, general, praise: n, share: specific / n, p: pValue },
      basis: { lessons: result.basis.lessons, events: n, pupils: result.basis.pupils },
      research: [R.brophy1981, R.hattieTimperley2007, R.kerman1979],
    },
  ];
};

/**
 * Thinking time marked on at most a fifth of the turns logged live. Only when it was marked at
 * least a few times: otherwise the app cannot tell "not given" from "not marked".
 */
export const waitTimeRare: RuleFn = (input, t) => {
  const { result } = input;
  if (result.basis.lessons < result.options.minLessons) return [];
  let turns = 0;
  let marked = 0;
  for (const e of scopedEvents(input)) {
    // Turns logged afterwards carry no qualifiers: they say nothing about thinking time.
    if (e.kind !== 'turn' || e.loggedAfter || e.at === null) continue;
    turns++;
    if (e.waitTime === true) marked++;
  }
  if (turns < result.options.minEvents || marked < t.waitTimeMinMarked) return [];
  if (marked / turns > t.waitTimeShare) return [];
  return [
    {
      key: 'waitTimeRare',
      rule: 'waitTimeRare',
      params: { marked, turns, share: marked / turns },
      basis: { lessons: result.basis.lessons, events: turns, pupils: result.basis.pupils },
      research: [R.rowe1986, R.kerman1979],
    },
  ];
};
