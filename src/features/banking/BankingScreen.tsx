import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function BankingScreen({ classId }: { classId: string }) {
  return (
    <Screen title="BankingScreen" back="#/">
      <p>{classId}</p>
    </Screen>
  );
}
