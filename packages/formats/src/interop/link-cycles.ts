/**
 * Dependency cycles in a plan, found before anything is stored: each cycle once, as the tasks in it,
 * so an importer can name where each of its links came from (a CSV line, an MSPDI element path).
 */
import type { Link, Project } from '@tandem/core';
import type { FormatIssue } from '../format-error.ts';

/**
 * Every elementary cycle reachable by a depth-first walk, each as the links that close it (one issue
 * per cycle: the link that closes it, located by `locate`). Summary-to-child links are not special-
 * cased: a link cycle is a cycle whatever the outline.
 *
 * Complexity: O(tasks + links).
 */
export function linkCycleIssues(
  project: Project,
  locate: (link: Link, index: number) => string,
): FormatIssue[] {
  const out = new Map<string, { link: Link; index: number }[]>();
  project.links.forEach((link, index) => {
    const list = out.get(link.predecessorId) ?? [];
    list.push({ link, index });
    out.set(link.predecessorId, list);
  });
  const names = new Map(project.tasks.map((t) => [t.id, t.name]));
  const state = new Map<string, 1 | 2>();
  const stack: { id: string; via?: { link: Link; index: number } }[] = [];
  const issues: FormatIssue[] = [];

  const visit = (start: string) => {
    // Iterative DFS: plans may have long chains.
    const frames: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 1);
    stack.push({ id: start });
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const edges = out.get(frame.id) ?? [];
      if (frame.next >= edges.length) {
        state.set(frame.id, 2);
        frames.pop();
        stack.pop();
        continue;
      }
      const edge = edges[frame.next++]!;
      const to = edge.link.successorId;
      const seen = state.get(to);
      if (seen === 1) {
        const from = stack.findIndex((s) => s.id === to);
        const ids = [...stack.slice(from).map((s) => s.id), to];
        issues.push({
          path: locate(edge.link, edge.index),
          message: `dependency cycle: ${ids.map((id) => `${id} (${names.get(id) ?? '?'})`).join(' → ')}`,
        });
      } else if (seen === undefined) {
        state.set(to, 1);
        stack.push({ id: to, via: edge });
        frames.push({ id: to, next: 0 });
      }
    }
  };
  for (const t of project.tasks) if (!state.has(t.id)) visit(t.id);
  for (const id of out.keys()) if (!state.has(id)) visit(id);
  return issues;
}
