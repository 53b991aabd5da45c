import type { SchoolType } from '../../model/types';
import { t } from '../../i18n';

/**
 * One-tap starting points. Deliberately no ethnicity, religion or health: those are special
 * categories of personal data (GDPR art. 9) and not needed to see how turns are shared.
 */
export interface LensPreset {
  id: 'gender' | 'advice' | 'level' | 'homeLanguage' | 'parentsEducation';
  /** For which kind of school the preset is offered. */
  schools: readonly SchoolType[];
  values: readonly string[];
}

export const LENS_PRESETS: readonly LensPreset[] = [
  { id: 'gender', schools: ['primary', 'secondary'], values: ['girl', 'boy', 'other'] },
  {
    id: 'advice',
    schools: ['primary'],
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
export function presetText(preset: LensPreset): { name: string; values: string[] } {
  return {
    name: t(`lenses:presets.${preset.id}.name`),
    values: preset.values.map((v) => t(`lenses:presets.${preset.id}.${v}`)),
  };
}
