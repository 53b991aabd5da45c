import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function ReflectMinuteScreen({ lessonId }: { lessonId: string }) {
  return (
    <Screen title="ReflectMinuteScreen" back="#/">
      <p>{lessonId}</p>
    </Screen>
  );
}
