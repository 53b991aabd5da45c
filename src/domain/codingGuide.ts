/**
 * The practice round of the coding guide (issue 14, point 7): example moments, each with the
 * codings offered and the one that fits, so that a tap means the same from day to day (as
 * observers practise before they start). Pure data and checks; the words are in the `guide`
 * namespace (`guide:practice.moments.<id>`).
 */
import {
  INTERACTION_KINDS,
  KIND_INFO,
  type Initiative,
  type InteractionKind,
  type PraiseType,
  type QuestionLevel,
} from '../model/kinds';

/** One optional detail (aanvulling) on a tap, as the logging screen records it. */
export type GuideQualifier =
  | { name: 'questionLevel'; value: QuestionLevel }
  | { name: 'praiseType'; value: PraiseType }
  | { name: 'initiative'; value: Initiative }
  | { name: 'waitTime'; value: boolean };

/** What a teacher would tap for a moment: a kind, and at most one detail that matters here. */
export interface Coding {
  kind: InteractionKind;
  qualifier?: GuideQualifier;
}

export interface PracticeMoment {
  id: string;
  /** The coding that fits the moment (one of `options`). */
  answer: Coding;
  /** What the teacher chooses from, in the order shown. */
  options: readonly Coding[];
}

const QUALIFIER_VALUES: Readonly<Record<GuideQualifier['name'], readonly unknown[]>> = {
  questionLevel: ['recall', 'higher'],
  praiseType: ['specific', 'general'],
  initiative: ['volunteered', 'called'],
  waitTime: [true, false],
};

/** A stable key for a coding: `turn`, `turn:questionLevel=higher`. */
export function codingKey(c: Coding): string {
  return c.qualifier ? `${c.kind}:${c.qualifier.name}=${String(c.qualifier.value)}` : c.kind;
}

/** A coding the logging screen can record: a known kind, and a detail that kind carries. */
export function isValidCoding(c: Coding): boolean {
  if (!INTERACTION_KINDS.includes(c.kind)) return false;
  if (!c.qualifier) return true;
  const { name, value } = c.qualifier;
  return (
    KIND_INFO[c.kind].qualifiers.includes(name) && (QUALIFIER_VALUES[name] ?? []).includes(value)
  );
}

/** Whether the teacher's choice is the coding that fits. */
export function isRightCoding(moment: PracticeMoment, chosen: Coding): boolean {
  return codingKey(moment.answer) === codingKey(chosen);
}

const turn: Coding = { kind: 'turn' };
const recall: Coding = { kind: 'turn', qualifier: { name: 'questionLevel', value: 'recall' } };
const higher: Coding = { kind: 'turn', qualifier: { name: 'questionLevel', value: 'higher' } };
const waited: Coding = { kind: 'turn', qualifier: { name: 'waitTime', value: true } };
const called: Coding = { kind: 'turn', qualifier: { name: 'initiative', value: 'called' } };
const followUp: Coding = { kind: 'followUp' };
const specific: Coding = { kind: 'praise', qualifier: { name: 'praiseType', value: 'specific' } };
const general: Coding = { kind: 'praise', qualifier: { name: 'praiseType', value: 'general' } };
const help: Coding = { kind: 'help' };
const personal: Coding = { kind: 'personal' };
const greeting: Coding = { kind: 'greeting' };
const work: Coding = { kind: 'correctionWork' };
const behaviour: Coding = { kind: 'correctionBehaviour' };

/** Ten moments: every kind, and every detail that changes what the mirror counts. */
export const PRACTICE_MOMENTS: readonly PracticeMoment[] = [
  { id: 'whyFloat', answer: higher, options: [recall, higher, followUp] },
  { id: 'door', answer: greeting, options: [greeting, personal, general] },
  { id: 'howKnow', answer: followUp, options: [turn, followUp, help] },
  { id: 'wellDone', answer: general, options: [specific, general, personal] },
  { id: 'columns', answer: specific, options: [specific, general, help] },
  { id: 'countFive', answer: waited, options: [called, waited, followUp] },
  { id: 'football', answer: personal, options: [personal, general, help] },
  { id: 'drawing', answer: help, options: [help, followUp, work] },
  { id: 'phone', answer: behaviour, options: [work, behaviour, personal] },
  { id: 'secondStep', answer: work, options: [work, behaviour, help] },
];
