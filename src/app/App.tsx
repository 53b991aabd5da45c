import type { JSX } from 'preact';
import { HomeScreen } from '../features/home/HomeScreen';
import { LockGate } from '../features/lock/LockGate';
import { useLanguage } from '../i18n/useLanguage';
import { useAfterStart } from '../ui/afterStart';
import { StorageBanner } from '../ui/StorageBanner';
import { ToastHost } from '../ui/Toast';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { NotFound } from './NotFound';
import { lazyScreen } from '../ui/lazy';
import { useRoute } from '../ui/router';

// Screens other than the start screen load on demand (and are precached for offline use).
const ClassScreen = lazyScreen(() =>
  import('../features/classes/ClassScreen').then((m) => m.ClassScreen),
);
const PupilsScreen = lazyScreen(() =>
  import('../features/pupils/PupilsScreen').then((m) => m.PupilsScreen),
);
const SeatingScreen = lazyScreen(() =>
  import('../features/seating/SeatingScreen').then((m) => m.SeatingScreen),
);
const LensesScreen = lazyScreen(() =>
  import('../features/lenses/LensesScreen').then((m) => m.LensesScreen),
);
const StartLessonScreen = lazyScreen(() =>
  import('../features/logging/StartLessonScreen').then((m) => m.StartLessonScreen),
);
const LiveLessonScreen = lazyScreen(() =>
  import('../features/logging/LiveLessonScreen').then((m) => m.LiveLessonScreen),
);
const AfterLessonScreen = lazyScreen(() =>
  import('../features/after-lesson/AfterLessonScreen').then((m) => m.AfterLessonScreen),
);
const LessonEditScreen = lazyScreen(() =>
  import('../features/lesson-edit/LessonEditScreen').then((m) => m.LessonEditScreen),
);
const BankingScreen = lazyScreen(() =>
  import('../features/banking/BankingScreen').then((m) => m.BankingScreen),
);
const NewAfterLessonScreen = lazyScreen(() =>
  import('../features/after-lesson/NewAfterLessonScreen').then((m) => m.NewAfterLessonScreen),
);
const BackupScreen = lazyScreen(() =>
  import('../features/backup/BackupScreen').then((m) => m.BackupScreen),
);
const ExpectationsScreen = lazyScreen(() =>
  import('../features/expectations/ExpectationsScreen').then((m) => m.ExpectationsScreen),
);
const RelationshipsScreen = lazyScreen(() =>
  import('../features/relationships/RelationshipsScreen').then((m) => m.RelationshipsScreen),
);
const AchievementsScreen = lazyScreen(() =>
  import('../features/achievements/AchievementsScreen').then((m) => m.AchievementsScreen),
);
const PupilScreen = lazyScreen(() =>
  import('../features/pupil/PupilScreen').then((m) => m.PupilScreen),
);
const InsightsScreen = lazyScreen(() =>
  import('../features/insights/InsightsScreen').then((m) => m.InsightsScreen),
);
const JournalScreen = lazyScreen(() =>
  import('../features/journal/JournalScreen').then((m) => m.JournalScreen),
);
const IntentionsScreen = lazyScreen(() =>
  import('../features/intentions/IntentionsScreen').then((m) => m.IntentionsScreen),
);
const ReflectMinuteScreen = lazyScreen(() =>
  import('../features/reflection/ReflectMinuteScreen').then((m) => m.ReflectMinuteScreen),
);
const ShareScreen = lazyScreen(() =>
  import('../features/coach/ShareScreen').then((m) => m.ShareScreen),
);
const CoachListScreen = lazyScreen(() =>
  import('../features/coach/CoachListScreen').then((m) => m.CoachListScreen),
);
const CoachWorkspaceScreen = lazyScreen(() =>
  import('../features/coach/CoachWorkspaceScreen').then((m) => m.CoachWorkspaceScreen),
);
const IntervisieSheetScreen = lazyScreen(() =>
  import('../features/coach/IntervisieSheetScreen').then((m) => m.IntervisieSheetScreen),
);
const SettingsScreen = lazyScreen(() =>
  import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen),
);
const SyncScreen = lazyScreen(() =>
  import('../features/sync/SyncScreen').then((m) => m.SyncScreen),
);
const PrivacyScreen = lazyScreen(() =>
  import('../features/settings/PrivacyScreen').then((m) => m.PrivacyScreen),
);
const GuideScreen = lazyScreen(() =>
  import('../features/guide/GuideScreen').then((m) => m.GuideScreen),
);
const AboutScreen = lazyScreen(() =>
  import('../features/settings/AboutScreen').then((m) => m.AboutScreen),
);

/** Maps hash segments to a screen (null when nothing matches). */
function renderRoute(segments: string[]): JSX.Element | null {
  const [a, b, c, d] = segments;
  const n = segments.length;
  if (n === 0) return <HomeScreen />;
  if (a === 'class' && b) {
    if (n === 2) return <ClassScreen classId={b} />;
    if (n === 3 && c === 'pupils') return <PupilsScreen classId={b} />;
    if (n === 3 && c === 'seating') return <SeatingScreen classId={b} />;
    if (n === 3 && c === 'lenses') return <LensesScreen classId={b} />;
    if (n === 3 && c === 'banking') return <BankingScreen classId={b} />;
    if (n === 3 && c === 'after') return <NewAfterLessonScreen classId={b} />;
    if (n === 3 && c === 'expectations') return <ExpectationsScreen classId={b} />;
    if (n === 3 && c === 'relationships') return <RelationshipsScreen classId={b} />;
    if (n === 3 && c === 'achievements') return <AchievementsScreen classId={b} />;
    if (n === 3 && c === 'insights') return <InsightsScreen classId={b} />;
    if (n === 3 && c === 'journal') return <JournalScreen classId={b} />;
    if (n === 3 && c === 'intentions') return <IntentionsScreen classId={b} />;
    if (n === 3 && c === 'share') return <ShareScreen classId={b} />;
    if (n === 3 && c === 'sheet') return <IntervisieSheetScreen classId={b} />;
    if (n === 4 && c === 'lesson' && d === 'new') return <StartLessonScreen classId={b} />;
  }
  if (a === 'lesson' && b) {
    if (n === 2) return <LiveLessonScreen lessonId={b} />;
    if (n === 3 && c === 'after') return <AfterLessonScreen lessonId={b} />;
    if (n === 3 && c === 'reflect') return <ReflectMinuteScreen lessonId={b} />;
    if (n === 3 && c === 'edit') return <LessonEditScreen lessonId={b} />;
  }
  if (a === 'pupil' && b && n === 2) return <PupilScreen pupilId={b} />;
  if (a === 'coach' && n === 1) return <CoachListScreen />;
  if (a === 'coach' && b && n === 2) return <CoachWorkspaceScreen workspaceId={b} />;
  if (a === 'settings' && n === 1) return <SettingsScreen />;
  if (a === 'about' && n === 1) return <AboutScreen />;
  if (a === 'guide' && n === 1) return <GuideScreen />;
  if (a === 'sync' && n === 1) return <SyncScreen />;
  if (a === 'privacy' && n === 1) return <PrivacyScreen />;
  if (a === 'backup' && n === 1) return <BackupScreen />;
  return null;
}

export function App() {
  const lang = useLanguage();
  const route = useRoute();
  const screen = renderRoute(route.segments);
  const afterStart = useAfterStart();
  return (
    <div class="app" key={lang}>
      <StorageBanner />
      {afterStart ? <UpdatePrompt /> : null}
      <LockGate>{screen ?? <NotFound />}</LockGate>
      <ToastHost />
    </div>
  );
}
