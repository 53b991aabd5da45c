/** A refused write is worded from the feature's `errors.<code>`, with the detail filled in. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/model/errors';
import { invalidMessage, toastInvalid } from '../../src/ui/invalid';
import { subscribeToasts, type Toast } from '../../src/ui/toastStore';

const LOCALES = 'src/i18n/locales';
type Tree = { [key: string]: string | Tree };

beforeAll(async () => {
  const resources: Record<string, Record<string, Tree>> = {};
  for (const lang of ['nl', 'en']) {
    resources[lang] = {};
    for (const file of readdirSync(join(LOCALES, lang))) {
      const ns = file.replace(/\.json$/, '');
      resources[lang][ns] = JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Tree;
    }
  }
  await i18next.init({ lng: 'nl', resources, interpolation: { escapeValue: false } });
});
afterEach(() => i18next.changeLanguage('nl'));

describe('invalidMessage', () => {
  it('fills in the detail, in Dutch and in English', async () => {
    const error = new ValidationError('nameTooLong', { max: 40 });
    expect(invalidMessage('lenses', error)).toBe('Houd de naam op hoogstens 40 tekens.');
    await i18next.changeLanguage('en');
    expect(invalidMessage('lenses', error)).toBe('Keep the name to 40 characters.');
  });

  it('reads a code without detail', async () => {
    expect(invalidMessage('lenses', new ValidationError('nameRequired'))).toBe(
      'Geef het kenmerk een naam.',
    );
    await i18next.changeLanguage('en');
    expect(invalidMessage('lenses', new ValidationError('nameRequired'))).toBe(
      'Give the characteristic a name.',
    );
  });

  it('looks inside a namespace when the scope names a key', async () => {
    const error = new ValidationError('nicknameTooLong', { name: 'Sam', max: 60 });
    expect(invalidMessage('pupil:nicknames', error)).toBe('‘Sam’ is langer dan 60 tekens.');
    await i18next.changeLanguage('en');
    expect(invalidMessage('pupil:nicknames', error)).toBe('‘Sam’ is longer than 60 characters.');
  });
});

describe('toastInvalid', () => {
  it('shows the message as an error toast', () => {
    let shown: Toast[] = [];
    const stop = subscribeToasts((toasts) => (shown = toasts));
    toastInvalid('lenses')(new ValidationError('nameTooLong', { max: 40 }));
    stop();
    expect(shown.at(-1)).toMatchObject({
      message: 'Houd de naam op hoogstens 40 tekens.',
      tone: 'error',
    });
  });
});
