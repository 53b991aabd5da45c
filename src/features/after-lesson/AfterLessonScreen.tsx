import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function AfterLessonScreen({ lessonId }: { lessonId: string }) {
  return (
    <Screen title="AfterLessonScreen" back="#/">
      <p>{lessonId}</p>
    </Screen>
  );
}
