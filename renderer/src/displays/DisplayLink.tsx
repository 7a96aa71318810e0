import type { DisplayElement } from '../../../shared/api/display-api.js';
import { onActivateKey } from './on-activate-key.js';

const HEIGHT = 32;

/** A button on the picture that goes to another display. */
export function DisplayLink({ element, onGo }: { readonly element: Extract<DisplayElement, { kind: 'link' }>; readonly onGo: (display: string) => void }) {
  const go = () => onGo(element.display);
  return (
    <g className="display-link" role="link" tabIndex={0} aria-label={`Go to display ${element.display}`} data-testid="display-link" data-display={element.display} onClick={go} onKeyDown={onActivateKey(go)}>
      <rect x={element.x} y={element.y} width={element.width} height={HEIGHT} rx={4} />
      <text x={element.x + 10} y={element.y + 21}>
        {`▸ ${element.label ?? element.display}`}
      </text>
    </g>
  );
}
