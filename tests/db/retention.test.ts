import { describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { readClassEvents } from '../../src/db/eventStore';
import { createClass } from '../../src/db/repo/classes';
import { loadDemoClass } from '../../src/db/repo/demo';
import { listClassRetention } from '../../src/db/repo/maintenance';
import { SpiegelDB } from '../../src/db/schema';

describe('listClassRetention', () => {
  it('gives each class its size (every interaction counted) and last lesson', async () => {
    const db = new SpiegelDB('t-' + crypto.randomUUID());
    setDbForTests(db);
    const now = new Date(2025, 4, 16, 15, 0);
    const demoId = await loadDemoClass(now);
    const empty = await createClass({ name: 'Leeg', schoolType: 'primary', yearLabel: '' }, now);
    const rows = await listClassRetention();
    const demo = rows.find((r) => r.cls.id === demoId)!;
    const events = (await readClassEvents(db, demoId)).length;
    const pupils = await db.pupils.where('classId').equals(demoId).count();
    expect(demo.records).toBeGreaterThan(events + pupils);
    const lessons = (await db.lessons.where('classId').equals(demoId).toArray()).map((l) => l.date);
    expect(demo.lastLessonDate).toBe(lessons.sort().at(-1));
    expect(rows.find((r) => r.cls.id === empty.id)).toMatchObject({
      records: 0,
      lastLessonDate: null,
    });
    db.close();
  });
});
