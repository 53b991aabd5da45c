import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function ShareScreen({ classId }: { classId: string }) {
  return (
    <Screen title="ShareScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
