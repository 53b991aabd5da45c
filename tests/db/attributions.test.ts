import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, setDbForTests } from '../../src/db/db';
import {
  deleteAttribution,
  getAttributionFor,
  listAttributions,
  listPupilAttributions,
  recordAttribution,
} from '../../src/db/repo/attributions';
import { loadPupilAccessData } from '../../src/db/repo/access';
import { createClass } from '../../src/db/repo/classes';
import { createIntention } from '../../src/db/repo/intentions';
import { addPupils, deletePupilWithHistory } from '../../src/db/repo/pupils';
import { erasePupil } from '../../src/db/repo/erasure';
import { SpiegelDB } from '../../src/db/schema';
import { ValidationError } from '../../src/model/errors';
import type { ClassRecord, PupilRecord } from '../../src/model/types';

const MON = new Date(2025, 2, 3, 10, 0);
const TUE = new Date(2025, 2, 4, 10, 0);

let cls: ClassRecord;
let sem: PupilRecord;
let noor: PupilRecord;

beforeEach(async () => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
  cls = await createClass({ name: 'Groep 6', schoolType: 'primary', yearLabel: 'groep 6' }, MON);
  [sem, noor] = (await addPupils(cls.id, ['Sem', 'Noor'], MON)) as [PupilRecord, PupilRecord];
});

describe('recordAttribution', () => {
  it('stores a tap with the class, the date and the source', async () => {
    const a = await recordAttribution(
      {
        pupilId: sem.id,
        cause: 'circumstances',
        source: 'prompt',
        sourceKey: `notAddressed:${sem.id}`,
      },
      MON,
    );
    expect(a).toMatchObject({
      classId: cls.id,
      pupilId: sem.id,
      date: '2025-03-03',
      cause: 'circumstances',
      source: 'prompt',
      sourceKey: `notAddressed:${sem.id}`,
    });
    expect(await listAttributions(cls.id)).toEqual([a]);
  });

  it('changes the earlier tap for the same prompt instead of adding one', async () => {
    const key = `notAddressed:${sem.id}`;
    const first = await recordAttribution(
      { pupilId: sem.id, cause: 'pupil', source: 'prompt', sourceKey: key },
      MON,
    );
    const second = await recordAttribution(
      { pupilId: sem.id, cause: 'approach', source: 'prompt', sourceKey: key },
      TUE,
    );
    expect(second.id).toBe(first.id);
    expect(second.cause).toBe('approach');
    expect(second.updatedAt).toBe(TUE.toISOString());
    expect(await getAttributionFor(sem.id, 'prompt', key)).toEqual(second);
    expect(await listAttributions(cls.id)).toHaveLength(1);
  });

  it('keeps each note on the pupil page as its own tap (without a key)', async () => {
    await recordAttribution(
      { pupilId: noor.id, cause: 'pupil', source: 'difficulty', sourceKey: 'x' },
      MON,
    );
    await recordAttribution(
      { pupilId: noor.id, cause: 'pupil', source: 'difficulty', sourceKey: null },
      TUE,
    );
    const rows = await listPupilAttributions(noor.id);
    expect(rows.map((r) => [r.date, r.sourceKey])).toEqual([
      ['2025-03-03', null],
      ['2025-03-04', null],
    ]);
  });

  it.each([
    ['a pupil that does not exist', { pupilId: 'nobody', cause: 'pupil' }, 'pupilMissing'],
    ['an unknown cause', { cause: 'fate' }, 'attributionInvalid'],
  ])('refuses %s and stores nothing', async (_, change, code) => {
    const base: Record<string, unknown> = { pupilId: sem.id, cause: 'pupil' };
    const input = {
      ...base,
      source: 'difficulty',
      sourceKey: null,
      ...change,
    } as unknown as Parameters<typeof recordAttribution>[0];
    await expect(recordAttribution(input, MON)).rejects.toThrow(ValidationError);
    await expect(recordAttribution(input, MON)).rejects.toMatchObject({ code });
    expect(await getDb().attributions.count()).toBe(0);
  });

  it('deletes one tap', async () => {
    const a = await recordAttribution(
      { pupilId: sem.id, cause: 'pupil', source: 'difficulty', sourceKey: null },
      MON,
    );
    await deleteAttribution(a.id);
    expect(await listAttributions(cls.id)).toEqual([]);
  });
});

describe('the pupil’s rights', () => {
  it('lists the taps and deliberate-help intentions in the access export', async () => {
    const a = await recordAttribution(
      { pupilId: sem.id, cause: 'approach', source: 'difficulty', sourceKey: null },
      MON,
    );
    const help = await createIntention(
      {
        classId: cls.id,
        target: { type: 'class' },
        measure: { kind: 'help', perLesson: 1 },
        from: '2025-03-03',
        to: '2025-03-14',
        note: '',
        moreHelpFor: [sem.id],
      },
      MON,
    );
    const access = await loadPupilAccessData(sem.id);
    expect(access?.attributions).toEqual([a]);
    expect(access?.helpIntentions.map((i) => i.id)).toEqual([help.id]);
    expect((await loadPupilAccessData(noor.id))?.helpIntentions).toEqual([]);
  });

  it('erases the pupil’s taps and their id from a deliberate-help intention', async () => {
    await recordAttribution(
      { pupilId: sem.id, cause: 'pupil', source: 'difficulty', sourceKey: null },
      MON,
    );
    const kept = await recordAttribution(
      { pupilId: noor.id, cause: 'pupil', source: 'difficulty', sourceKey: null },
      MON,
    );
    const help = await createIntention(
      {
        classId: cls.id,
        target: { type: 'class' },
        measure: { kind: 'help', perLesson: 1 },
        from: '2025-03-03',
        to: '2025-03-14',
        note: '',
        moreHelpFor: [sem.id, noor.id],
      },
      MON,
    );
    await erasePupil(sem.id, [], TUE);
    expect(await listAttributions(cls.id)).toEqual([kept]);
    expect((await getDb().intentions.get(help.id))?.moreHelpFor).toEqual([noor.id]);
  });

  it('deletes the taps with the pupil’s history', async () => {
    await recordAttribution(
      { pupilId: sem.id, cause: 'pupil', source: 'difficulty', sourceKey: null },
      MON,
    );
    await deletePupilWithHistory(sem.id, TUE);
    expect(await getDb().attributions.count()).toBe(0);
  });
});
