import { useShownFrame } from '../../client/frameView.ts';
import type { ProbeFrame } from '../../contracts/protocol.ts';

/**
 * The probe frame the panels should show: the live one, or the history snapshot the training-step
 * scrubber points at (of the run in context), updated by the page's frame scheduler.
 */
export function useFrame(): ProbeFrame | null {
  return useShownFrame();
}
