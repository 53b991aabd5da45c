import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function ClassScreen({ classId }: { classId: string }) {
  return (
    <Screen title="ClassScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
