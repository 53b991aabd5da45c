import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function HomeScreen() {
  return (
    <Screen title="HomeScreen" back="#/">
      <p>{'—'}</p>
    </Screen>
  );
}
