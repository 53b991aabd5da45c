import type { LensPresetId, SchoolType } from '../../model/types';
import { t } from '../../i18n';

/**
 * One-tap starting points. Deliberately no ethnicity, religion or health: those are special
 * categories of personal data (GDPR art. 9) and not needed to see how turns are shared.
 */
export interface LensPreset {
  id: LensPresetId;
  /** For which kind of school the preset is offered. */
  schools: readonly SchoolType[];
  values: readonly string[];
  /** Named for what it is in a secondary class ("basisschooladvies"): key `nameSecondary`. */
  secondaryName?: true;
}

export const LENS_PRESETS: readonly LensPreset[] = [
  { id: 'gender', schools: ['primary', 'secondary'], values: ['girl', 'boy', 'other'] },
  {
    id: 'advice',
    // Secondary too: in the first year the primary school's advice still steers (issue 14 §5).
    schools: ['primary', 'secondary'],
    secondaryName: true,
    values: ['pro', 'vmboB', 'vmboK', 'vmboGt', 'vmboGtHavo', 'havo', 'havoVwo', 'vwo'],
  },
  { id: 'level', schools: ['secondary'], values: ['vmboB', 'vmboK', 'vmboGt', 'havo', 'vwo'] },
  { id: 'homeLanguage', schools: ['primary', 'secondary'], values: ['dutch', 'alsoOther'] },
  {
    id: 'parentsEducation',
    schools: ['primary', 'secondary'],
    values: ['with', 'without', 'unknown'],
  },
];

/** The preset's name and values in the current language (stored as plain text once added). */
export function presetText(
  preset: LensPreset,
  school: SchoolType = 'primary',
): { name: string; values: string[] } {
  const secondary = preset.secondaryName && school === 'secondary';
  return {
    name: t(`lenses:presets.${preset.id}.${secondary ? 'nameSecondary' : 'name'}`),
    values: preset.values.map((v) => t(`lenses:presets.${preset.id}.${v}`)),
  };
}
