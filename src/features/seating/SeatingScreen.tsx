import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function SeatingScreen({ classId }: { classId: string }) {
  return (
    <Screen title="SeatingScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
