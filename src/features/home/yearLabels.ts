import type { SchoolType } from '../../model/types';

/**
 * Suggestions for the year label, as Dutch schools name their years. These are labels the
 * teacher stores, not interface text, so they are the same in every language.
 */
export function yearLabelSuggestions(schoolType: SchoolType): string[] {
  if (schoolType === 'primary') return Array.from({ length: 8 }, (_, i) => `groep ${i + 1}`);
  const labels: string[] = [];
  for (let year = 1; year <= 6; year++) {
    if (year <= 4) labels.push(`${year} vmbo-b`, `${year} vmbo-k`, `${year} vmbo-gt`);
    // Mixed first and second years are common in Dutch secondary schools.
    if (year <= 2) labels.push(`${year} vmbo-gt/havo`, `${year} havo/vwo`);
    if (year <= 5) labels.push(`${year} havo`);
    labels.push(`${year} vwo`);
  }
  return labels;
}
