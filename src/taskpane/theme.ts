/**
 * The pane's Fluent UI theme: a calm teal brand built around the icons' deep teal #0F6E5B,
 * and a font stack that reads well in Chinese on Windows, macOS and Linux.
 * 任务窗格主题：以图标的深青色 #0F6E5B 为品牌色，中文字体优先。
 *
 * index.tsx (and the playground) wrap <App /> in `<FluentProvider theme={paneTheme}>`.
 */
import { createLightTheme, type BrandVariants, type Theme } from '@fluentui/react-components';

/** The icons' colour; Fluent's light theme uses shade 80 as the brand background. */
export const BRAND_TEAL = '#0F6E5B';

/**
 * Sixteen shades from darkest (10) to lightest (160). Shade 80 is exactly the brand colour
 * (white text on it has a contrast of 6:1); the light end is desaturated so selected and hover
 * backgrounds stay calm.
 */
export const brandRamp: BrandVariants = {
  10: '#041b16',
  20: '#052620',
  30: '#073129',
  40: '#083d32',
  50: '#0a483b',
  60: '#0b5345',
  70: '#0d5e4e',
  80: '#0f6e5b',
  90: '#1a7a67',
  100: '#2a8f7a',
  110: '#3fa38e',
  120: '#5bb6a2',
  130: '#7ec8b7',
  140: '#a3d9cc',
  150: '#c8eae1',
  160: '#e9f6f2',
};

/** Latin text in Segoe UI, Chinese in the platform's CJK UI font. */
export const FONT_STACK =
  '"Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif';

export const FONT_STACK_MONO =
  'Consolas, "Cascadia Mono", "Noto Sans Mono CJK SC", "Microsoft YaHei", monospace';

export const paneTheme: Theme = {
  ...createLightTheme(brandRamp),
  fontFamilyBase: FONT_STACK,
  fontFamilyMonospace: FONT_STACK_MONO,
};
