import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function LiveLessonScreen({ lessonId }: { lessonId: string }) {
  return (
    <Screen title="LiveLessonScreen" back="#/">
      <p>{lessonId}</p>
    </Screen>
  );
}
