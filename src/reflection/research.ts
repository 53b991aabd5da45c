/**
 * The prompts cite from the analysis' one citation table (src/analysis/research.ts), so a card and
 * a prompt spell and choose their sources the same way.
 */
export { CITATIONS as R } from '../analysis/research';
