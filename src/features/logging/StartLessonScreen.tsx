import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function StartLessonScreen({ classId }: { classId: string }) {
  return (
    <Screen title="StartLessonScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
