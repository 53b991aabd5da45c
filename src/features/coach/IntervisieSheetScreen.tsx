import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function IntervisieSheetScreen({ classId }: { classId: string }) {
  return (
    <Screen title="IntervisieSheetScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
