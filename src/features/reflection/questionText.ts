import type { ReflectionQuestion } from '../../domain/reflectionQuestions';
import { currentLanguage, t } from '../../i18n';
import { describeMeasure } from '../intentions/describe';

/** "Sem, Noor en Ayoub" / "Sem, Noor and Ayoub", and "… en nog 2 anderen" when names were left out. */
export function nameList(names: readonly string[], others = 0): string {
  const list = new Intl.ListFormat(currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB', {
    type: 'conjunction',
  });
  if (others === 0) return list.format(names);
  return t('reflection:andOthers', { names: names.join(', '), count: others });
}

/** The question in the teacher's language. */
export function questionText(q: ReflectionQuestion): string {
  switch (q.key) {
    case 'intention':
      return q.name
        ? t('reflection:questions.intentionPupil', {
            measure: describeMeasure(q.measure),
            name: q.name,
            count: q.count,
          })
        : t('reflection:questions.intentionGroup', {
            measure: describeMeasure(q.measure),
            reached: q.reached,
            count: q.present,
          });
    case 'notAddressedOne':
      return t('reflection:questions.notAddressedOne', { name: q.name });
    case 'notAddressedMany':
      return t('reflection:questions.notAddressedMany', { names: nameList(q.names, q.others) });
    case 'correctionsPupil':
      return t('reflection:questions.correctionsPupil', { name: q.name, count: q.corrections });
    case 'correctionsOverPraise':
      return t('reflection:questions.correctionsOverPraise', {
        count: q.corrections,
        praise: q.praise,
      });
    case 'turnsConcentrated':
      return t('reflection:questions.turnsConcentrated', {
        names: nameList(q.names),
        turns: q.turns,
        count: q.total,
      });
    case 'noHigherOrder':
      return t('reflection:questions.noHigherOrder', { count: q.questions });
    case 'wentWell':
      return t('reflection:questions.wentWell');
    case 'roomFor':
      return t('reflection:questions.roomFor');
  }
}
