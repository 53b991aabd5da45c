import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function SettingsScreen() {
  return (
    <Screen title="SettingsScreen" back="#/">
      <p>{'—'}</p>
    </Screen>
  );
}
