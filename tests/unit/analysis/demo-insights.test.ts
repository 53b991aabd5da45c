/**
 * The demo class (docs/demo-data.md) has a documented bias built in; the analysis must find each
 * part of it — that is what makes "the insights light up" for a newcomer.
 */
import { describe, expect, it } from 'vitest';
import { analyseClass, deriveInsights, type Insight } from '../../../src/analysis';
import { DEMO_SEED, generateDemoClass } from '../../../src/domain/demo/generate';

describe('the demo class lights up', () => {
  const demo = generateDemoClass({ seed: DEMO_SEED, today: new Date(2025, 2, 14) });
  const result = analyseClass({ ...demo, cls: demo.class }, { today: '2025-03-14' });
  const insights = deriveInsights(result);
  const idOf = (name: string) => demo.pupils.find((p) => p.name === name)?.id ?? name;
  const find = (id: string): Insight => {
    const i = insights.find((x) => x.id === id);
    if (!i) throw new Error(`no insight ${id}; got ${insights.map((x) => x.id).join(', ')}`);
    return i;
  };
  const notChance = (i: Insight) => expect(i.significance?.couldBeChance).toBe(false);

  it('the overlooked pupil (Kacper) over the whole period', () => {
    const i = find(`notAddressed:${idOf('Kacper')}`);
    expect(i.params).toMatchObject({ window: 'period', status: 'few' });
    notChance(i);
  });

  it('about twice the turns, and most higher-order questions, for pupils expected much of', () => {
    const turns = find('expectationGap:turn');
    expect(Number(turns.params.ratio)).toBeGreaterThan(1.7);
    expect(Number(turns.params.ratio)).toBeLessThan(2.5);
    notChance(turns);
    notChance(find('higherOrder:higherOrder'));
  });

  it('pupils who (also) speak another language at home are expected less of at equal results', () => {
    const lens = demo.lenses.find((l) => l.name === 'Thuistaal');
    const i = find(`lensExpectationGap:${lens?.id}`);
    expect(i.params.valueLabel).toBe('(ook) andere taal');
    expect(Number(i.params.meanGap)).toBeLessThan(0);
    notChance(i);
  });

  it('Finn and Yassin: corrected far more than praised, and linked to the conflict ratings', () => {
    notChance(find(`praiseCorrection:${idOf('Finn')}`));
    notChance(find(`praiseCorrection:${idOf('Yassin')}`));
    notChance(find('relationshipCorrection:conflict'));
  });
});
