/**
 * Deliberate differentiation (issue 14, point 3). Fair chances can mean treating pupils unequally
 * (Elffers 2022): an intention can name pupils the teacher deliberately gives more help. Within
 * its period their help is the teacher's choice, not a lopsided spread; the mirror asks instead
 * whether those pupils also get challenge — higher-order questions and follow-ups — since pupils
 * of whom little is expected tend to get less of it (Brophy & Good 1970).
 */
import type { Id, IntentionRecord, InteractionEvent, IsoDate } from '../../model/types';
import { removedPupils, scopedEvents } from '../helpers';
import { R } from '../research';
import type { Prompt, PromptInput, RuleFn } from '../types';

/** The last day an intention counts for: its end, the day it was closed, or today. */
function endOf(intention: IntentionRecord, today: IsoDate): IsoDate {
  const closed = intention.closedAt ? intention.closedAt.slice(0, 10) : null;
  let end = intention.to < today ? intention.to : today;
  if (closed !== null && closed < end) end = closed;
  return end;
}

/**
 * The pupils an intention deliberately helps more on `date` (the intentions that are not deleted
 * and whose period holds the date). For cards and prompts that must not call their help unfair.
 */
export function deliberateHelpOn(intentions: readonly IntentionRecord[], date: IsoDate): Set<Id> {
  const out = new Set<Id>();
  for (const i of intentions) {
    if (i.deletedAt !== null || !i.moreHelpFor?.length) continue;
    if (i.from <= date && date <= endOf(i, '9999-12-31')) i.moreHelpFor.forEach((p) => out.add(p));
  }
  return out;
}

export interface ChallengeCounts {
  help: number;
  higherOrder: number;
  followUp: number;
  /** Pupils counted. */
  pupils: number;
}

/** Help, higher-order questions (turns and follow-ups) and follow-ups of a group of pupils. */
export function challengeCounts(
  events: readonly InteractionEvent[],
  pupils: ReadonlySet<Id>,
): ChallengeCounts {
  const c: ChallengeCounts = { help: 0, higherOrder: 0, followUp: 0, pupils: pupils.size };
  for (const e of events) {
    if (!pupils.has(e.pupilId)) continue;
    if (e.kind === 'help') c.help++;
    if (e.kind === 'followUp') c.followUp++;
    if ((e.kind === 'turn' || e.kind === 'followUp') && e.questionLevel === 'higher')
      c.higherOrder++;
  }
  return c;
}

function eventsWithin(input: PromptInput, from: IsoDate, to: IsoDate): InteractionEvent[] {
  return scopedEvents(input).filter((e) => e.date >= from && e.date <= to);
}

/**
 * Per intention with deliberate help that overlaps the period: once its chosen pupils got at
 * least `minDeliberateHelp` help, and fewer higher-order questions plus follow-ups than help, the
 * prompt shows their help as the teacher's choice, with the counts of challenge beside it and the
 * rest of the class's for comparison. Quiet below the minimum (too little to ask about) and when
 * challenge keeps pace with help.
 */
export const deliberateHelp: RuleFn = (input, t) => {
  const { result, intentions, today } = input;
  const removed = removedPupils(result);
  const inClass = new Set(result.pupils.map((p) => p.pupilId).filter((id) => !removed.has(id)));
  const out: Prompt[] = [];
  for (const intention of intentions) {
    if (intention.deletedAt !== null || intention.classId !== result.classId) continue;
    const chosen = new Set((intention.moreHelpFor ?? []).filter((id) => inClass.has(id)));
    if (chosen.size === 0) continue;
    // Only the part of the intention's period the prompts look at (their last weeks).
    const end = endOf(intention, result.options.to < today ? result.options.to : today);
    const periodFrom = result.options.from;
    const from = periodFrom !== null && periodFrom > intention.from ? periodFrom : intention.from;
    if (end < from) continue;
    const events = eventsWithin(input, from, end);
    const mine = challengeCounts(events, chosen);
    if (mine.help < t.minDeliberateHelp) continue;
    if (mine.higherOrder + mine.followUp >= mine.help) continue;
    const others = new Set([...inClass].filter((id) => !chosen.has(id)));
    const rest = challengeCounts(events, others);
    const lessons = new Set(events.map((e) => e.lessonId)).size;
    out.push({
      key: `deliberateHelp:${intention.id}`,
      rule: 'deliberateHelp',
      pupilIds: [...chosen],
      params: {
        from,
        to: end,
        pupils: mine.pupils,
        help: mine.help,
        higherOrder: mine.higherOrder,
        followUp: mine.followUp,
        otherPupils: rest.pupils,
        otherHelp: rest.help,
        otherHigherOrder: rest.higherOrder,
        otherFollowUp: rest.followUp,
      },
      basis: { lessons, events: events.length, pupils: inClass.size },
      research: [R.elffers2022, R.brophyGood1970],
    });
  }
  return out;
};
