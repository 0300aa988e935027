import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { GanttProps } from './types.ts';
import { LINK_TYPE_NAMES } from './layout/link-path.ts';
import type { VisibleRow } from './layout/visible-rows.ts';
import type { PlacedLink } from './render/draw-chart.ts';

/**
 * The selected link (controlled by `selectedLinkId` when the app passes it): selected by a click on its line,
 * it takes the chart's keys — Enter opens it, Delete/Backspace asks the app to delete it, Escape deselects —
 * and is announced in the chart's live region. A link that is no longer shown is not selected.
 */
export function useLinkSelection(
  props: GanttProps,
  links: readonly PlacedLink[],
  rows: readonly VisibleRow[],
) {
  const [inner, setInner] = useState<string | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const wanted = props.selectedLinkId !== undefined ? props.selectedLinkId : inner;
  const link = wanted === null ? undefined : links.find((l) => l.id === wanted);
  const selectedLinkId = link?.id ?? null;

  const current = useRef(selectedLinkId);
  current.current = selectedLinkId;
  // reported only when it changes (every click on a bar or the background asks to deselect)
  const selectLink = useCallback((id: string | null) => {
    if (id === current.current) return;
    current.current = id;
    setInner(id);
    propsRef.current.onLinkSelect?.(id);
  }, []);

  const onLinkKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (selectedLinkId === null) return;
    if (e.key === 'Escape') selectLink(null);
    else if (e.key === 'Enter') props.onLinkOpen?.(selectedLinkId);
    else if ((e.key === 'Delete' || e.key === 'Backspace') && props.readOnly !== true)
      props.onLinkDelete?.(selectedLinkId);
    else return;
    e.preventDefault();
  };

  const from = link === undefined ? undefined : rows[link.fromIndex]?.task.name;
  const to = link === undefined ? undefined : rows[link.toIndex]?.task.name;
  const announcement =
    link === undefined
      ? ''
      : `Link selected: ${from ?? ''} to ${to ?? ''}, ${LINK_TYPE_NAMES[link.type]}. Enter opens it${
          props.readOnly === true ? '' : ', Delete removes it'
        }, Escape deselects it.`;

  return { selectedLinkId, selectLink, onLinkKeyDown, announcement };
}
