/**
 * The fixed cast of the demo class: fictitious first names common in Dutch classrooms today, a
 * made-up "true" level per pupil (the mean grade they score), where they sit, and the two lenses.
 * The deliberate biases are described in docs/demo-data.md; the constants that carry them live
 * here so the generator and the tests agree on them.
 */

export const DEMO_CLASS_NAME = 'Demoklas groep 7';
export const DEMO_YEAR_LABEL = 'groep 7';
export const DEMO_GRID = { rows: 5, cols: 6 } as const;

export type HomeLanguage = 'nl' | 'other';

export interface DemoPupilSpec {
  name: string;
  homeLanguage: HomeLanguage;
  /** The grade (1–10) this pupil scores on average: what the tests measure. */
  level: number;
  row: number;
  col: number;
}

/** Row 0 is the front row; the two seats in DEMO_EMPTY_SEATS stay empty. */
export const DEMO_PUPILS: readonly DemoPupilSpec[] = [
  { name: 'Mila', homeLanguage: 'nl', level: 8.9, row: 0, col: 0 },
  { name: 'Daan', homeLanguage: 'nl', level: 8.6, row: 0, col: 1 },
  { name: 'Noor', homeLanguage: 'nl', level: 7.8, row: 0, col: 2 },
  { name: 'Priya', homeLanguage: 'nl', level: 8.3, row: 0, col: 3 },
  { name: 'Lotte', homeLanguage: 'nl', level: 8.2, row: 0, col: 4 },
  { name: 'Zofia', homeLanguage: 'other', level: 8.7, row: 0, col: 5 },
  { name: 'Sem', homeLanguage: 'nl', level: 6.9, row: 1, col: 0 },
  { name: 'Salma', homeLanguage: 'other', level: 8.4, row: 1, col: 1 },
  { name: 'Tess', homeLanguage: 'nl', level: 7.4, row: 1, col: 2 },
  { name: 'Imane', homeLanguage: 'nl', level: 7.6, row: 1, col: 3 },
  { name: 'Finn', homeLanguage: 'nl', level: 6.4, row: 1, col: 4 },
  { name: 'Yassin', homeLanguage: 'other', level: 6.5, row: 1, col: 5 },
  { name: 'Elif', homeLanguage: 'other', level: 7.9, row: 2, col: 0 },
  { name: 'Dewi', homeLanguage: 'nl', level: 7.1, row: 2, col: 1 },
  { name: 'Kofi', homeLanguage: 'nl', level: 7.0, row: 2, col: 2 },
  { name: 'Ilyas', homeLanguage: 'other', level: 7.5, row: 2, col: 3 },
  { name: 'Shanice', homeLanguage: 'nl', level: 6.6, row: 2, col: 4 },
  { name: 'Rama', homeLanguage: 'other', level: 7.3, row: 2, col: 5 },
  { name: 'Luuk', homeLanguage: 'nl', level: 6.0, row: 3, col: 0 },
  { name: 'Sjoerd', homeLanguage: 'other', level: 7.7, row: 3, col: 1 },
  { name: 'Zeynep', homeLanguage: 'other', level: 6.8, row: 3, col: 2 },
  { name: 'Jayden', homeLanguage: 'nl', level: 5.6, row: 3, col: 3 },
  { name: 'Fenna', homeLanguage: 'nl', level: 6.2, row: 3, col: 4 },
  { name: 'Emre', homeLanguage: 'other', level: 5.9, row: 4, col: 1 },
  { name: 'Senait', homeLanguage: 'other', level: 6.1, row: 4, col: 2 },
  { name: 'Bram', homeLanguage: 'nl', level: 5.8, row: 4, col: 3 },
  { name: 'Omar', homeLanguage: 'other', level: 5.7, row: 4, col: 4 },
  { name: 'Kacper', homeLanguage: 'other', level: 6.7, row: 4, col: 5 },
];

export const DEMO_EMPTY_SEATS = [
  { row: 3, col: 5 },
  { row: 4, col: 0 },
] as const;

/** The pupil who is hardly ever addressed (at most one turn in the last six lessons). */
export const DEMO_OVERLOOKED = 'Kacper';
/** Two pupils with high conflict ratings who get most behaviour corrections (and banking time). */
export const DEMO_CONFLICT = ['Finn', 'Yassin'] as const;
/** Pupils whose expectation the teacher raises at the second rating moment (week 5). */
export const DEMO_RAISED_AT_WEEK5 = ['Sem', 'Elif'] as const;

export const LENS_HOME_LANGUAGE = {
  name: 'Thuistaal',
  values: { nl: 'Nederlands', other: '(ook) andere taal' },
} as const;

/** Primary-school advice levels; a pupil's advice follows the teacher's expectation. */
export const LENS_ADVICE = {
  name: 'Schooladvies',
  values: ['vmbo-bk', 'vmbo-gt', 'havo', 'havo/vwo', 'vwo'],
} as const;

/** Four lessons a week: the weekday (1 = Monday), start time, minutes, and a rota of topics. */
export const LESSON_SLOTS = [
  {
    weekday: 1,
    start: '08:45',
    minutes: 60,
    topics: ['Rekenen: breuken', 'Rekenen: kommagetallen'],
  },
  {
    weekday: 2,
    start: '10:30',
    minutes: 45,
    topics: ['Taal: werkwoordspelling', 'Taal: woordenschat'],
  },
  {
    weekday: 4,
    start: '09:00',
    minutes: 50,
    topics: ['Begrijpend lezen', 'Aardrijkskunde: Europa'],
  },
  {
    weekday: 5,
    start: '11:00',
    minutes: 45,
    topics: ['Rekenen: verhoudingen', 'Geschiedenis: de Gouden Eeuw'],
  },
] as const;

export const TEST_LABELS = ['Rekentoets blok 3', 'Toets begrijpend lezen'] as const;

export const BANKING_NOTES: Readonly<Record<(typeof DEMO_CONFLICT)[number], readonly string[]>> = {
  Finn: [
    'Samen een knikkerbaan gebouwd; hij bepaalde hoe.',
    'Hij vertelde over zijn voetbalwedstrijd.',
    'Rustig samen getekend, hij legde uit wat hij maakte.',
  ],
  Yassin: [
    'Samen geschaakt; hij liet me een opening zien.',
    'Hij vertelde over zijn konijn.',
    'Samen in zijn stripboek gelezen.',
  ],
};

export const RELATIONSHIP_NOTES: Readonly<
  Record<(typeof DEMO_CONFLICT)[number], readonly [string, string]>
> = {
  Finn: [
    'Ik merk dat ik al gespannen ben voordat hij iets zegt.',
    'Sinds de vaste momentjes samen gaat het soepeler.',
  ],
  Yassin: [
    'Ik reken op gedoe zodra hij binnenkomt.',
    'Hij zoekt me nu zelf op om iets te laten zien.',
  ],
};
