import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function AboutScreen() {
  return (
    <Screen title="AboutScreen" back="#/">
      <p>{'—'}</p>
    </Screen>
  );
}
