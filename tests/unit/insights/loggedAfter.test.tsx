// @vitest-environment happy-dom
/**
 * Logged afterwards, told apart (issue 10 §6): the period's count says how many came from memory
 * ("waarvan 12 achteraf genoteerd"), and from a quarter on (MEMORY.afterShareNote) the summary
 * says that memory can follow expectations too, citing the source. Hand-worked cases.
 */
import i18next from 'i18next';
import { h, render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/analysis';
import { MemoryNote } from '../../../src/features/insights/Summary';
import { basisText } from '../../../src/features/insights/words';
import nlInsights from '../../../src/i18n/locales/nl/insights.json';

beforeAll(async () => {
  await i18next.init({
    lng: 'nl',
    resources: { nl: { insights: nlInsights } },
    interpolation: { escapeValue: false },
  });
});

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

const resultWith = (events: number, loggedAfter: number) =>
  ({ basis: { lessons: 12, events, pupils: 25 }, loggedAfter }) as unknown as AnalysisResult;

describe('the period’s count with what was logged afterwards', () => {
  it.each([
    [100, 0, '12 lessen, 100 interacties, 25 leerlingen'],
    [100, 12, '12 lessen, 100 interacties (waarvan 12 achteraf genoteerd), 25 leerlingen'],
    [100, 1, '12 lessen, 100 interacties (waarvan 1 achteraf genoteerd), 25 leerlingen'],
  ])('%i interactions, %i afterwards → %s', (events, after, text) => {
    expect(basisText({ lessons: 12, events, pupils: 25 }, undefined, after)).toBe(text);
  });
});

describe('the memory note in the summary', () => {
  it.each([
    // [events, logged afterwards, shown?, share as printed]
    [100, 0, false, ''],
    [100, 24, false, ''],
    [100, 25, true, '25%'],
    [4, 3, true, '75%'],
    [0, 0, false, ''],
  ] as const)('%i events, %i afterwards: shown %s', (events, after, shown, share) => {
    host = document.createElement('div');
    document.body.append(host);
    render(h(MemoryNote, { result: resultWith(events, after) }), host);
    const note = host.querySelector('.note-memory');
    expect(note !== null).toBe(shown);
    if (note) {
      expect(note.textContent).toContain(`${share} hiervan (${after} van de ${events})`);
      expect(note.textContent).toContain('uit je geheugen');
      expect(note.textContent).toContain('Onderzoek: Rosenthal & Jacobson 1968');
    }
  });
});
