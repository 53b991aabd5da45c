/**
 * The ONE citation table of the mirror: every work the insight cards and the prompts lean on,
 * spelled the same everywhere (full references in docs/prompts.md and docs/analysis.md). Cite
 * each for what it says (../shared/RESEARCH.md):
 * - differences WITHIN one class between pupils expected much and little of: Brophy & Good 1970
 *   (Rubie-Davies 2007 compared high- and low-expectation TEACHERS, so it is not cited for that);
 * - expectations below results at equal performance: Denessen 2022 (parents' education) and Van
 *   den Bergh, Denessen & Volman 2021 (gender, ethnic background); Elffers 2022 is about school
 *   advice and is not cited for lens groups;
 * - Rubie-Davies is cited by her 2015 book only (one year everywhere);
 * - attribution (placing the cause outside oneself, "the prison of low expectations"): Castelijns
 *   & Stevens 1996 and Paulle in Sylbing et al. 2020, both as a magazine article on high
 *   expectations cites them;
 * - fair chances may need unequal treatment (compensating unequal chances): Elffers 2022, as
 *   the preface of a VO-raad booklet on equal chances cites her.
 */
export const CITATIONS = {
  brophyGood1970: 'Brophy & Good 1970',
  brophy1981: 'Brophy 1981',
  castelijnsStevens1996: 'Castelijns & Stevens 1996',
  denessen2022: 'Denessen 2022',
  driscollPianta2010: 'Driscoll & Pianta 2010',
  elffers2022: 'Elffers 2022',
  hamrePianta2001: 'Hamre & Pianta 2001',
  hattieTimperley2007: 'Hattie & Timperley 2007',
  jussimHarber2005: 'Jussim & Harber 2005',
  kerman1979: 'Kerman 1979',
  korthagen2001: 'Korthagen 2001',
  pianta2001: 'Pianta 2001',
  piantaHamreStuhlman2003: 'Pianta, Hamre & Stuhlman 2003',
  quagliaCorso2017: 'Quaglia & Corso 2017',
  reinholzShah2018: 'Reinholz & Shah 2018',
  rosenthalJacobson1968: 'Rosenthal & Jacobson 1968',
  rowe1986: 'Rowe 1986',
  rubieDavies2015: 'Rubie-Davies 2015',
  sylbing2020: 'Sylbing et al. 2020',
  vandenBergh2021: 'Van den Bergh, Denessen & Volman 2021',
  wiliam2011: 'Wiliam 2011',
} as const;

export type Citation = (typeof CITATIONS)[keyof typeof CITATIONS];

const C = CITATIONS;

/** What each insight card leans on (built from the one table). */
export const RESEARCH = {
  floor: [C.brophyGood1970, C.kerman1979],
  expectation: [C.rosenthalJacobson1968, C.brophyGood1970],
  higherOrder: [C.brophyGood1970, C.kerman1979],
  equity: [C.reinholzShah2018, C.vandenBergh2021],
  placement: [C.rubieDavies2015, C.rosenthalJacobson1968],
  lensGap: [C.vandenBergh2021, C.denessen2022],
  feedback: [C.brophyGood1970, C.kerman1979],
  concentration: [C.kerman1979, C.reinholzShah2018],
  relationship: [C.pianta2001],
  /**
   * The note on events logged afterwards: expectations steer mostly unnoticed (Rosenthal &
   * Jacobson 1968; RESEARCH.md §1). That recall can lean the same way is our inference from it,
   * and the note says it as a possibility, not as a finding of the source.
   */
  memory: [C.rosenthalJacobson1968],
} as const satisfies Record<string, readonly Citation[]>;
