import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function PupilsScreen({ classId }: { classId: string }) {
  return (
    <Screen title="PupilsScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
