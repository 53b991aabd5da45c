import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function BackupScreen() {
  return (
    <Screen title="BackupScreen" back="#/">
      <p>{'—'}</p>
    </Screen>
  );
}
