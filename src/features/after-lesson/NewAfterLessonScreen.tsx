import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function NewAfterLessonScreen({ classId }: { classId: string }) {
  return (
    <Screen title="NewAfterLessonScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
