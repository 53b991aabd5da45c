import { Screen } from '../../ui/Screen';

// Placeholder: replaced by the feature's real screen.
export function CoachWorkspaceScreen({ workspaceId }: { workspaceId: string }) {
  return (
    <Screen title="CoachWorkspaceScreen" back="#/">
      <p>{workspaceId}</p>
    </Screen>
  );
}
