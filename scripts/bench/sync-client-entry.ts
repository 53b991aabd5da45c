/**
 * Bench-only (scripts/bench/sync-client.mjs, loaded through Vite's SSR loader, never bundled):
 * a teacher's shared document holding one class-year, written with the app's own mapping
 * (src/sync), and the pairing code for it.
 */
import * as Y from 'yjs';
import type { InteractionEvent, LessonRecord, PupilRecord } from '../../src/model/types';
import { writeEvent, writeRecord } from '../../src/sync/doc';
import { initMeta } from '../../src/sync/meta';
import { encodePairing } from '../../src/sync/pairing';
import { RECORDS } from '../../tests/unit/sync/fixtures';

export { encodePairing };

const id = (prefix: string, n: number) =>
  `${prefix}${String(n).padStart(7, '0')}-0000-4000-8000-000000000000`;

/** One class, `pupils` pupils, `lessons` lessons of `perLesson` turns: the document's state. */
export function classYearUpdate(
  key: Uint8Array,
  { pupils = 30, lessons = 200, perLesson = 125 } = {},
): {
  update: Uint8Array;
  classId: string;
  lastLessonId: string;
  /** The lesson before it: the remote tap's, so the phones' tap lessons stay the same size. */
  otherLessonId: string;
  events: number;
} {
  const doc = new Y.Doc();
  initMeta(doc, key);
  const cls = { ...RECORDS.classes, id: id('c', 1), name: 'Klas 6B' };
  writeRecord(doc, key, 'classes', cls);
  const pupilIds: string[] = [];
  for (let p = 0; p < pupils; p++) {
    const pupil: PupilRecord = {
      ...RECORDS.pupils,
      id: id('p', p),
      classId: cls.id,
      name: `Leerling ${p + 1}`,
      nicknames: [],
      lensValues: {},
      seat: { row: Math.floor(p / 6) + 1, col: (p % 6) + 1 },
    };
    writeRecord(doc, key, 'pupils', pupil);
    pupilIds.push(pupil.id);
  }
  let events = 0;
  let lastLessonId = '';
  let otherLessonId = '';
  for (let l = 0; l < lessons; l++) {
    const day = new Date(Date.UTC(2025, 8, 1) + l * 86_400_000).toISOString().slice(0, 10);
    const lesson: LessonRecord = {
      ...RECORDS.lessons,
      id: id('l', l),
      classId: cls.id,
      date: day,
      topic: `Les ${l + 1}`,
    };
    writeRecord(doc, key, 'lessons', lesson);
    otherLessonId = lastLessonId;
    lastLessonId = lesson.id;
    for (let e = 0; e < perLesson; e++) {
      const at = new Date(Date.parse(`${day}T08:30:00.000Z`) + e * 15_000).toISOString();
      const event: InteractionEvent = {
        id: `${lesson.id.slice(0, 9)}e${String(e).padStart(4, '0')}`,
        classId: cls.id,
        lessonId: lesson.id,
        pupilId: pupilIds[(e * 7 + l) % pupils]!,
        kind: 'turn',
        date: day,
        at,
        loggedAfter: false,
        createdAt: at,
        updatedAt: at,
      };
      writeEvent(doc, event);
      events++;
    }
  }
  return {
    update: Y.encodeStateAsUpdate(doc),
    classId: cls.id,
    lastLessonId,
    otherLessonId,
    events,
  };
}
