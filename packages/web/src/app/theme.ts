// Tandem's look: Mantine theme (indigo accent, calm greys, compact density for dense project data).
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const tandem: MantineColorsTuple = [
  '#eef2ff',
  '#dde3ff',
  '#b9c4ff',
  '#93a3fd',
  '#7386fb',
  '#5d73fa',
  '#4c63f0',
  '#3d52d6',
  '#3348c0',
  '#263baa',
];

export const theme = createTheme({
  primaryColor: 'tandem',
  colors: { tandem },
  primaryShade: { light: 6, dark: 4 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  focusRing: 'auto',
});

/** RAG colours (Mantine colour names) used wherever health is shown. */
export const HEALTH_COLOR = { green: 'teal', amber: 'yellow', red: 'red' } as const;
