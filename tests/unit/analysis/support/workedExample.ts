/**
 * The worked example of docs/analysis.md: four pupils, four lessons. Every number in that
 * document is checked against this class in worked-example.test.ts.
 *
 *            l1 l2 l3 l4   turns  present
 *   ada       3  3  3  3    12      4      (2 volunteered higher-order + 1 called recall each lesson)
 *   bo        2  2  2  1     7      4      (called, recall)
 *   cas       1  .  1  .     2      4      (called, no level)
 *   dewi      .  .  A  A     0      2      (A = absent)
 */
import type { AnalysisOptions } from '../../../../src/analysis';
import { ClassBuilder } from './build';

export const WORKED_OPTIONS: AnalysisOptions = {
  today: '2025-02-07',
  from: '2025-02-01',
  minPupils: 4,
  // Four pupils: below the app's minimum for a rank correlation (8), lowered to work §5–6 by hand.
  minCorrelationPupils: 4,
};

export function workedExample(): ClassBuilder {
  const b = new ClassBuilder();
  b.pupils('ada', 'bo', 'cas', 'dewi').lessons(4, '2025-02-03');
  b.absent('l3', 'dewi').absent('l4', 'dewi');
  for (const l of ['l1', 'l2', 'l3', 'l4']) {
    b.event(l, 'ada', 'turn', 2, { initiative: 'volunteered', questionLevel: 'higher' });
    b.event(l, 'ada', 'turn', 1, { initiative: 'called', questionLevel: 'recall' });
    b.event(l, 'bo', 'turn', l === 'l4' ? 1 : 2, { initiative: 'called', questionLevel: 'recall' });
  }
  b.event('l1', 'cas', 'turn', 1, { initiative: 'called' });
  b.event('l3', 'cas', 'turn', 1, { initiative: 'called' });
  b.event('l1', 'ada', 'followUp', 1, { questionLevel: 'higher' });
  b.event('l2', 'ada', 'followUp', 1, { questionLevel: 'higher' });
  b.event('l1', 'ada', 'praise', 2, { praiseType: 'specific' });
  b.event('l2', 'bo', 'praise', 1, { praiseType: 'general' });
  b.event('l2', 'bo', 'correctionWork', 1);
  b.event('l1', 'cas', 'correctionBehaviour', 1);
  b.event('l3', 'cas', 'correctionBehaviour', 1);
  b.event('l2', 'dewi', 'praise', 1);

  b.lens('home', 'Thuistaal', ['nl', 'other']);
  b.lensValue('ada', 'home', 'nl').lensValue('cas', 'home', 'nl');
  b.lensValue('bo', 'home', 'other').lensValue('dewi', 'home', 'other');

  b.expectation('ada', '2025-01-20', 4).expectation('bo', '2025-01-20', 3);
  b.expectation('cas', '2025-01-20', 2).expectation('dewi', '2025-01-20', 1);

  b.achievement('ada', 'rekentoets', '2025-01-25', 'grade', 8);
  b.achievement('bo', 'rekentoets', '2025-01-25', 'grade', 6);
  b.achievement('cas', 'rekentoets', '2025-01-25', 'grade', 7);
  b.achievement('dewi', 'rekentoets', '2025-01-25', 'grade', 7);

  b.relationship('ada', '2025-01-27', 4, 1).relationship('bo', '2025-01-27', 4, 2);
  b.relationship('cas', '2025-01-27', 2, 4).relationship('dewi', '2025-01-27', 3, 3);

  b.banking('dewi', '2025-02-04', 10).banking('dewi', '2025-02-06', 15);
  b.banking('dewi', '2025-01-10', 20); // before the period: not counted
  return b;
}
