import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function IntentionsScreen({ classId }: { classId: string }) {
  return (
    <Screen title="IntentionsScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
