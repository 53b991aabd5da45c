/**
 * The catalogue of interaction kinds. The analyses rely on it, so it lives in one place and is
 * never edited by the teacher (who can only hide kinds from the logging screen).
 * Strands follow TESA (response opportunities, feedback, personal regard).
 */
export const INTERACTION_KINDS = [
  'turn',
  'praise',
  'correctionWork',
  'correctionBehaviour',
  'followUp',
  'help',
  'personal',
  'greeting',
] as const;

export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export type Strand = 'response' | 'feedback' | 'regard';
export type Valence = 'positive' | 'corrective' | 'neutral';

export interface KindInfo {
  readonly kind: InteractionKind;
  readonly strand: Strand;
  readonly valence: Valence;
  /** Which optional qualifiers make sense for this kind. */
  readonly qualifiers: readonly QualifierName[];
  /** A short symbol shown on buttons next to the (translated) label; never the only signal. */
  readonly symbol: string;
  /**
   * Hidden from the logging sheet until the teacher shows it (also in classes made before the
   * kind existed): the sheet a teacher knows does not change under their thumb.
   */
  readonly optIn?: true;
}

export type QualifierName = 'initiative' | 'questionLevel' | 'waitTime' | 'praiseType' | 'audience';

/** Every qualifier, in the order the editors list them. */
export const QUALIFIER_NAMES: readonly QualifierName[] = [
  'initiative',
  'questionLevel',
  'waitTime',
  'praiseType',
  'audience',
];

export const KIND_INFO: Readonly<Record<InteractionKind, KindInfo>> = {
  turn: {
    kind: 'turn',
    strand: 'response',
    valence: 'neutral',
    qualifiers: ['initiative', 'questionLevel', 'waitTime'],
    symbol: '☝',
  },
  praise: {
    kind: 'praise',
    strand: 'feedback',
    valence: 'positive',
    qualifiers: ['praiseType'],
    symbol: '★',
  },
  correctionWork: {
    kind: 'correctionWork',
    strand: 'feedback',
    valence: 'corrective',
    // Whether the class was there: a public correction also shapes how classmates see a pupil.
    qualifiers: ['audience'],
    symbol: '✎',
  },
  correctionBehaviour: {
    kind: 'correctionBehaviour',
    strand: 'feedback',
    valence: 'corrective',
    qualifiers: ['audience'],
    symbol: '!',
  },
  followUp: {
    kind: 'followUp',
    strand: 'response',
    valence: 'neutral',
    qualifiers: ['questionLevel'],
    symbol: '↪',
  },
  help: { kind: 'help', strand: 'response', valence: 'neutral', qualifiers: [], symbol: '➜' },
  personal: {
    kind: 'personal',
    strand: 'regard',
    valence: 'positive',
    qualifiers: [],
    symbol: '♥',
  },
  // A personal greeting or check-in at the door (issue 14): personal regard, like attention.
  greeting: {
    kind: 'greeting',
    strand: 'regard',
    valence: 'positive',
    qualifiers: [],
    symbol: '☺',
    optIn: true,
  },
};

/** Kinds hidden from the logging sheet unless the teacher chose to show them. */
export const OPT_IN_KINDS: readonly InteractionKind[] = INTERACTION_KINDS.filter(
  (k) => KIND_INFO[k].optIn === true,
);

export function isInteractionKind(value: unknown): value is InteractionKind {
  return typeof value === 'string' && (INTERACTION_KINDS as readonly string[]).includes(value);
}

export type Initiative = 'volunteered' | 'called';
export type QuestionLevel = 'recall' | 'higher';
export type PraiseType = 'specific' | 'general';
/** A correction in front of the class, or one to one (issue 14 §2). */
export type Audience = 'class' | 'private';
export const AUDIENCES: readonly Audience[] = ['class', 'private'];
