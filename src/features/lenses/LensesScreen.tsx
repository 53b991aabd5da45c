import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function LensesScreen({ classId }: { classId: string }) {
  return (
    <Screen title="LensesScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
