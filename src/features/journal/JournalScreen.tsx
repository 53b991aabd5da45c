import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function JournalScreen({ classId }: { classId: string }) {
  return (
    <Screen title="JournalScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
