import type { Display } from '../../shared/api/display-api.js';
import type { ProjectIssue } from './project-error.js';

/**
 * Display names unique, and every tag and link on a display known: a picture that
 * points at nothing would show an operator a blank where a value should be.
 * Elements beyond the display's size are refused too, since they would never be seen.
 */
export function checkDisplayReferences(displays: readonly Display[], tagIds: ReadonlySet<string>): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const names = new Set<string>();
  displays.forEach((display, i) => {
    if (names.has(display.name)) issues.push({ path: `displays[${i}].name`, message: `duplicate display name "${display.name}"` });
    names.add(display.name);
  });
  displays.forEach((display, i) => {
    display.elements.forEach((element, j) => {
      const at = `displays[${i}].elements[${j}]`;
      if ('tag' in element && !tagIds.has(element.tag)) issues.push({ path: `${at}.tag`, message: `unknown tag "${element.tag}"` });
      if (element.kind === 'link' && !names.has(element.display)) issues.push({ path: `${at}.display`, message: `unknown display "${element.display}"` });
      const points = element.kind === 'line' ? element.points : [[element.x, element.y] as const];
      const outside = points.find(([x, y]) => x > display.width || y > display.height);
      if (outside !== undefined) {
        issues.push({ path: at, message: `(${outside[0]}, ${outside[1]}) is outside the display's ${display.width} x ${display.height}` });
      }
    });
  });
  return issues;
}
