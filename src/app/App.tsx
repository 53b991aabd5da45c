import type { JSX } from 'preact';
import { HomeScreen } from '../features/home/HomeScreen';
import { useLanguage } from '../i18n/useLanguage';
import { StorageBanner } from '../ui/StorageBanner';
import { ToastHost } from '../ui/Toast';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { NotFound } from './NotFound';
import { lazyScreen } from './lazy';
import { useRoute } from './router';

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
const BankingScreen = lazyScreen(() =>
  import('../features/banking/BankingScreen').then((m) => m.BankingScreen),
);
const NewAfterLessonScreen = lazyScreen(() =>
  import('../features/after-lesson/NewAfterLessonScreen').then((m) => m.NewAfterLessonScreen),
);
const BackupScreen = lazyScreen(() =>
  import('../features/backup/BackupScreen').then((m) => m.BackupScreen),
);
const SettingsScreen = lazyScreen(() =>
  import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen),
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
    if (n === 4 && c === 'lesson' && d === 'new') return <StartLessonScreen classId={b} />;
  }
  if (a === 'lesson' && b) {
    if (n === 2) return <LiveLessonScreen lessonId={b} />;
    if (n === 3 && c === 'after') return <AfterLessonScreen lessonId={b} />;
  }
  if (a === 'settings' && n === 1) return <SettingsScreen />;
  if (a === 'about' && n === 1) return <AboutScreen />;
  if (a === 'backup' && n === 1) return <BackupScreen />;
  return null;
}

export function App() {
  const lang = useLanguage();
  const route = useRoute();
  const screen = renderRoute(route.segments);
  return (
    <div class="app" key={lang}>
      <StorageBanner />
      <UpdatePrompt />
      {screen ?? <NotFound />}
      <ToastHost />
    </div>
  );
}
