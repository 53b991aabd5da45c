/**
 * The sections of the coding guide, in the order shown, each with the works it leans on (cited
 * from the one citation table). The words are in the `guide` namespace (`guide:sections.<id>`).
 */
import { CITATIONS as C, type Citation } from '../../analysis/research';

export const GUIDE_SECTIONS = [
  'turn',
  'questionLevel',
  'followUp',
  'waitTime',
  'praise',
  'corrections',
  'help',
  'personal',
  'greeting',
] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

export const GUIDE_RESEARCH: Readonly<Record<GuideSection, readonly Citation[]>> = {
  turn: [C.kerman1979, C.reinholzShah2018],
  questionLevel: [C.brophyGood1970, C.rubieDavies2015],
  followUp: [C.brophyGood1970],
  waitTime: [C.rowe1986],
  praise: [C.brophy1981, C.hattieTimperley2007],
  corrections: [C.brophyGood1970],
  help: [C.kerman1979],
  personal: [C.kerman1979, C.pianta2001],
  // The daily check-in the source texts recommend (RESEARCH.md §5), for the relationship.
  greeting: [C.pianta2001],
};
