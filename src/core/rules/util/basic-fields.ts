/** Which section of the form each field name belongs to (from the layout, computed once). */
import { computeLayout } from '../../form/layout';
import type { SectionId } from '../../form/types';

let sections: Map<string, SectionId> | null = null;

/** The section of a field, by its name; 'header' for a name the layout does not know. */
export function fieldSection(name: string): SectionId {
  if (!sections) {
    sections = new Map();
    for (const n of computeLayout({ year: 2000, rows: { longTerm: 1, annual: 1 } }).names)
      sections.set(n.name, n.section);
  }
  return sections.get(name) ?? 'header';
}
