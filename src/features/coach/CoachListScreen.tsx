import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function CoachListScreen() {
  return (
    <Screen title="CoachListScreen" back="#/">
      <p>{'—'}</p>
    </Screen>
  );
}
