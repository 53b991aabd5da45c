import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedPointerEvent } from 'preact';

/** How far (px) the pointer must travel before a press becomes a drag rather than a tap. */
const DRAG_THRESHOLD = 8;

interface DragState {
  pupilId: string;
  pointerId: number;
  element: HTMLElement;
  startX: number;
  startY: number;
  dragging: boolean;
  overKey: string | null;
}

/** The seat key ("row:col") under a screen point, read from the cells' `data-seat`; the dragged
 * tile itself (which sits under the pointer) is skipped. */
function seatKeyAt(x: number, y: number, dragged: HTMLElement): string | null {
  for (const hit of document.elementsFromPoint(x, y)) {
    if (dragged.contains(hit)) continue;
    const cell = hit.closest<HTMLElement>('[data-seat]');
    if (cell && cell !== dragged) return cell.dataset.seat ?? null;
  }
  return null;
}

/**
 * Drag and drop with Pointer Events (the HTML5 drag API does not work with touch). The dragged
 * tile follows the pointer through an inline transform (the only style Preact leaves alone
 * here); listeners sit on window so the drag goes on wherever the pointer is.
 */
export function useSeatDrag(
  enabled: boolean,
  onDrop: (pupilId: string, seatKey: string) => void,
): {
  draggingId: string | null;
  overKey: string | null;
  onPointerDown: (e: TargetedPointerEvent<HTMLElement>, pupilId: string) => void;
  /** True once right after a drag, so the click that follows the drop is ignored. */
  consumeClick: () => boolean;
} {
  const state = useRef<DragState | null>(null);
  const suppressClick = useRef(false);
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [overKey, setOverKey] = useState<string | null>(null);

  useEffect(() => {
    const reset = () => {
      const s = state.current;
      if (s) {
        s.element.style.transform = '';
      }
      state.current = null;
      setDraggingId(null);
      setOverKey(null);
    };
    const onMove = (e: PointerEvent) => {
      const s = state.current;
      if (!s || e.pointerId !== s.pointerId) return;
      const dx = e.clientX - s.startX;
      const dy = e.clientY - s.startY;
      if (!s.dragging) {
        if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        s.dragging = true;
        setDraggingId(s.pupilId);
      }
      e.preventDefault();
      s.element.style.transform = `translate(${dx}px, ${dy}px)`;
      const key = seatKeyAt(e.clientX, e.clientY, s.element);
      if (key !== s.overKey) {
        s.overKey = key;
        setOverKey(key);
      }
    };
    const onUp = (e: PointerEvent) => {
      const s = state.current;
      if (!s || e.pointerId !== s.pointerId) return;
      if (s.dragging) {
        suppressClick.current = true;
        // The click (if any) comes right after pointerup; forget the flag if it never does.
        setTimeout(() => (suppressClick.current = false), 0);
        const key = seatKeyAt(e.clientX, e.clientY, s.element);
        if (key) dropRef.current(s.pupilId, key);
      }
      reset();
    };
    const onCancel = (e: PointerEvent) => {
      if (state.current && e.pointerId === state.current.pointerId) reset();
    };
    window.addEventListener('pointermove', onMove, { passive: false });
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
      reset();
    };
  }, []);

  return {
    draggingId,
    overKey,
    onPointerDown: (e, pupilId) => {
      if (!enabled || !e.isPrimary || e.button !== 0) return;
      state.current = {
        pupilId,
        pointerId: e.pointerId,
        element: e.currentTarget,
        startX: e.clientX,
        startY: e.clientY,
        dragging: false,
        overKey: null,
      };
    },
    consumeClick: () => {
      const was = suppressClick.current;
      suppressClick.current = false;
      return was;
    },
  };
}
