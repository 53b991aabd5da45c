/**
 * The research the prompts lean on, cited by author and year (full references in
 * docs/prompts.md). One place, so a citation is spelled the same everywhere.
 */
export const R = {
  brophyGood1970: 'Brophy & Good 1970',
  brophy1981: 'Brophy 1981',
  denessen2022: 'Denessen 2022',
  driscollPianta2010: 'Driscoll & Pianta 2010',
  elffers2022: 'Elffers 2022',
  hamrePianta2001: 'Hamre & Pianta 2001',
  hattieTimperley2007: 'Hattie & Timperley 2007',
  jussimHarber2005: 'Jussim & Harber 2005',
  kerman1979: 'Kerman 1979',
  korthagen2001: 'Korthagen 2001',
  pianta2001: 'Pianta 2001',
  reinholzShah2018: 'Reinholz & Shah 2018',
  rosenthalJacobson1968: 'Rosenthal & Jacobson 1968',
  rowe1986: 'Rowe 1986',
  rubieDavies2007: 'Rubie-Davies 2007',
  rubieDavies2015: 'Rubie-Davies 2015',
  vandenBergh2021: 'Van den Bergh, Denessen & Volman 2021',
  wiliam2011: 'Wiliam 2011',
} as const;
