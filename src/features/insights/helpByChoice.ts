/** The help cards' line on help the teacher chose to give (counted in src/reflection). */
import { t } from '../../i18n';
import type { HelpByChoice } from '../../reflection';

/** The card's line: the chosen help counted apart, as the teacher's choice. Null: nothing to say. */
export function helpChoiceText(choice: HelpByChoice | null): string | null {
  if (!choice || choice.help === 0) return null;
  return t('insights:card.helpByChoice', { count: choice.chosen, help: choice.help });
}
