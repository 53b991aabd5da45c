import type { Page } from '@playwright/test';
import { ClassPage } from './ClassPage';
import { HomePage } from './HomePage';
import { LivePage } from './LivePage';
import { PupilsPage } from './PupilsPage';
import { StartLessonPage } from './StartLessonPage';
import { openApp } from '../support/fixtures';

/**
 * The set-up most logging specs share: a new class with these pupils (pasted), a lesson started
 * now and its live grid ready. Returns the class and lesson ids and the live page.
 */
export async function lessonUnderWay(
  page: Page,
  className: string,
  pupils: readonly string[],
  fields: { topic?: string } = {},
): Promise<{ classId: string; lessonId: string; live: LivePage }> {
  await openApp(page);
  const classId = await new HomePage(page).createClass(className);
  const list = new PupilsPage(page);
  await list.open(classId);
  await list.pasteNames([...pupils]);
  const classPage = new ClassPage(page);
  await classPage.open(classId);
  await classPage.startLesson();
  const lessonId = await new StartLessonPage(page).start(fields);
  const live = new LivePage(page);
  await live.waitReady();
  return { classId, lessonId, live };
}
