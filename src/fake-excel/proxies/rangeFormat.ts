/**
 * Range.format (fill, font, borders, protection, alignment, sizes), Range.dataValidation and
 * Range.conditionalFormats proxies. Reading a format property of a multi-cell range gives the
 * common value, or null when the cells differ (as Excel does).
 */
import { type Rect, formatAddress, isEntireColumns } from '../addressing';
import { richError } from '../errors';
import type {
  ConditionalBorderSide,
  ConditionalFormatRecord,
  SheetRecord,
  ValidationRule,
} from '../model';
import { type BorderSpec, type CellStyle, type StylePatch, normalizeColor } from '../styles';
import {
  type LoadTree,
  LoadableProxy,
  NO_SUCH_PROPERTY,
  ProxyBase,
  checkSameContext,
  itemTreeOf,
  model,
} from './base';
import { CollectionProxy, applySet } from './common';
import type { FakeRequestContext } from './context';

interface RangeTarget {
  sheet: SheetRecord;
  rect: Rect;
}

function color(value: unknown, location: string): string {
  const c = normalizeColor(value);
  if (!c)
    throw richError(
      'InvalidArgument',
      location,
      `"${String(value)}" is not a colour Excel accepts`,
    );
  return c;
}

/** Base for format sub-objects whose properties map onto CellStyle keys. */
abstract class StyleProxy<TOffice> extends LoadableProxy<RangeTarget, TOffice> {
  protected styleValue<K extends keyof CellStyle>(t: RangeTarget, key: K): CellStyle[K] | null {
    return model(this).styleValue(t.sheet, t.rect, key);
  }

  protected setStyle(name: string, value: unknown, toPatch: (v: unknown) => StylePatch): void {
    this._setProp(name, value, (t, v) => {
      if (v === null || v === undefined)
        throw richError(
          'InvalidArgument',
          `${this._typeName}.${name}`,
          'null is not a valid value',
        );
      model(this).applyStyle(t.sheet, t.rect, toPatch(v));
    });
  }
}

// ----------------------------------------------------------------------------- fill

export class FakeRangeFill
  extends StyleProxy<Excel.RangeFill>
  implements Pick<Excel.RangeFill, 'context' | 'color' | 'clear' | 'load'>
{
  readonly _typeName = 'RangeFill';
  override _scalarNames(): readonly string[] {
    return ['color'];
  }
  override _compute(name: string, t: RangeTarget): unknown {
    if (name !== 'color') return NO_SUCH_PROPERTY;
    const styles = model(this).sheetDistinct(t.sheet, t.rect);
    const colors = new Set(styles.map((s) => s.fillColor ?? '#FFFFFF'));
    return colors.size === 1 ? [...colors][0] : null;
  }
  get color(): string {
    return this._get('color');
  }
  set color(value: string) {
    this.setStyle('color', value, (v) => ({ fillColor: color(v, 'RangeFill.color') }));
  }
  clear(): void {
    this._loaded.delete('color');
    this._queue('clear', (t) => model(this).applyStyle(t.sheet, t.rect, { fillColor: null }));
  }
}

// ----------------------------------------------------------------------------- font

export class FakeRangeFont
  extends StyleProxy<Excel.RangeFont>
  implements
    Pick<
      Excel.RangeFont,
      | 'context'
      | 'bold'
      | 'italic'
      | 'size'
      | 'name'
      | 'color'
      | 'underline'
      | 'strikethrough'
      | 'load'
    >
{
  readonly _typeName = 'RangeFont';
  private static readonly MAP: Record<string, keyof CellStyle> = {
    bold: 'fontBold',
    italic: 'fontItalic',
    size: 'fontSize',
    name: 'fontName',
    color: 'fontColor',
    underline: 'fontUnderline',
    strikethrough: 'fontStrikethrough',
  };
  override _scalarNames(): readonly string[] {
    return Object.keys(FakeRangeFont.MAP);
  }
  override _compute(name: string, t: RangeTarget): unknown {
    const key = FakeRangeFont.MAP[name];
    return key ? this.styleValue(t, key) : NO_SUCH_PROPERTY;
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this.setStyle('bold', v, (x) => ({ fontBold: Boolean(x) }));
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this.setStyle('italic', v, (x) => ({ fontItalic: Boolean(x) }));
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this.setStyle('size', v, (x) => {
      if (typeof x !== 'number' || x < 1 || x > 409)
        throw richError('InvalidArgument', 'RangeFont.size', `Bad font size ${String(x)}`);
      return { fontSize: x };
    });
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this.setStyle('name', v, (x) => ({ fontName: String(x) }));
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this.setStyle('color', v, (x) => ({ fontColor: color(x, 'RangeFont.color') }));
  }
  get underline(): Excel.RangeFont['underline'] {
    return this._get('underline');
  }
  set underline(v: Excel.RangeFont['underline']) {
    this.setStyle('underline', v, (x) => ({ fontUnderline: String(x) }));
  }
  get strikethrough(): boolean {
    return this._get('strikethrough');
  }
  set strikethrough(v: boolean) {
    this.setStyle('strikethrough', v, (x) => ({ fontStrikethrough: Boolean(x) }));
  }
}

// ----------------------------------------------------------------------------- borders

const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
] as const;
type Edge = (typeof EDGES)[number];
type BorderKey =
  | 'borderTop'
  | 'borderBottom'
  | 'borderLeft'
  | 'borderRight'
  | 'borderDiagonalDown'
  | 'borderDiagonalUp';

/** The cells and style keys an edge setting touches (including the neighbour sharing it). */
function edgeCells(edge: Edge, rect: Rect): { rect: Rect; key: BorderKey }[] {
  const top: Rect = { ...rect, rowCount: 1 };
  const bottom: Rect = { ...rect, row: rect.row + rect.rowCount - 1, rowCount: 1 };
  const left: Rect = { ...rect, colCount: 1 };
  const right: Rect = { ...rect, col: rect.col + rect.colCount - 1, colCount: 1 };
  const out: { rect: Rect; key: BorderKey }[] = [];
  const push = (r: Rect, key: BorderKey): void => {
    if (r.rowCount > 0 && r.colCount > 0 && r.row >= 0 && r.col >= 0) out.push({ rect: r, key });
  };
  switch (edge) {
    case 'EdgeTop':
      push(top, 'borderTop');
      push({ ...top, row: rect.row - 1 }, 'borderBottom');
      break;
    case 'EdgeBottom':
      push(bottom, 'borderBottom');
      push({ ...bottom, row: bottom.row + 1 }, 'borderTop');
      break;
    case 'EdgeLeft':
      push(left, 'borderLeft');
      push({ ...left, col: rect.col - 1 }, 'borderRight');
      break;
    case 'EdgeRight':
      push(right, 'borderRight');
      push({ ...right, col: right.col + 1 }, 'borderLeft');
      break;
    case 'InsideHorizontal':
      push({ ...rect, rowCount: rect.rowCount - 1 }, 'borderBottom');
      push({ ...rect, row: rect.row + 1, rowCount: rect.rowCount - 1 }, 'borderTop');
      break;
    case 'InsideVertical':
      push({ ...rect, colCount: rect.colCount - 1 }, 'borderRight');
      push({ ...rect, col: rect.col + 1, colCount: rect.colCount - 1 }, 'borderLeft');
      break;
    case 'DiagonalDown':
      push(rect, 'borderDiagonalDown');
      break;
    case 'DiagonalUp':
      push(rect, 'borderDiagonalUp');
      break;
  }
  return out;
}

interface BorderTarget extends RangeTarget {
  edge: Edge;
}

export class FakeRangeBorder
  extends LoadableProxy<BorderTarget, Excel.RangeBorder>
  implements
    Pick<Excel.RangeBorder, 'context' | 'style' | 'color' | 'weight' | 'sideIndex' | 'load'>
{
  readonly _typeName = 'RangeBorder';
  override _scalarNames(): readonly string[] {
    return ['style', 'color', 'weight', 'sideIndex'];
  }
  override _compute(name: string, t: BorderTarget): unknown {
    if (name === 'sideIndex') return t.edge;
    if (!['style', 'color', 'weight'].includes(name)) return NO_SUCH_PROPERTY;
    // The edge's own cells (first entry of edgeCells), not the neighbour.
    const own = edgeCells(t.edge, t.rect)[0];
    if (!own) return name === 'style' ? 'None' : null;
    const specs = model(this)
      .sheetDistinct(t.sheet, own.rect)
      .map((s) => s[own.key]);
    const values = new Set(specs.map((b) => b[name as keyof BorderSpec]));
    return values.size === 1 ? [...values][0] : null;
  }
  private setBorder(name: keyof BorderSpec, value: unknown): void {
    this._setProp(name, value, (t, v) => {
      const m = model(this);
      m.assertAllowed(t.sheet, 'allowFormatCells', 'Formatting cells');
      let normalized = String(v);
      if (name === 'color') normalized = color(v, 'RangeBorder.color');
      for (const part of edgeCells(t.edge, t.rect)) {
        const current = m.sheetDistinct(t.sheet, part.rect)[0][part.key];
        const next: BorderSpec = { ...current, [name]: normalized };
        if (name === 'style' && normalized !== 'None' && current.style === 'None')
          next.style = normalized;
        m.applyStyle(t.sheet, part.rect, { [part.key]: next } as StylePatch);
      }
    });
  }
  get style(): Excel.RangeBorder['style'] {
    return this._get('style');
  }
  set style(v: Excel.RangeBorder['style']) {
    this.setBorder('style', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this.setBorder('color', v);
  }
  get weight(): Excel.RangeBorder['weight'] {
    return this._get('weight');
  }
  set weight(v: Excel.RangeBorder['weight']) {
    this.setBorder('weight', v);
  }
  get sideIndex(): Excel.RangeBorder['sideIndex'] {
    return this._get('sideIndex');
  }
}

export class FakeRangeBorderCollection
  extends LoadableProxy<RangeTarget, Excel.RangeBorderCollection>
  implements
    Pick<
      Excel.RangeBorderCollection,
      'context' | 'getItem' | 'getItemAt' | 'items' | 'count' | 'load'
    >
{
  readonly _typeName = 'RangeBorderCollection';
  private itemProxies?: FakeRangeBorder[];
  override _scalarNames(): readonly string[] {
    return ['count'];
  }
  override _compute(name: string): unknown {
    return name === 'count' ? EDGES.length : NO_SUCH_PROPERTY;
  }
  get count(): number {
    return this._get('count');
  }
  get items(): Excel.RangeBorder[] {
    if (!this.itemProxies) return this._get('items');
    return this.itemProxies as unknown as Excel.RangeBorder[];
  }
  getItem(index: string): Excel.RangeBorder {
    const child = new FakeRangeBorder(
      this._ctx,
      () => {
        if (!EDGES.includes(index as Edge))
          throw richError(
            'InvalidArgument',
            'RangeBorderCollection.getItem',
            `Bad border index ${index}`,
          );
        const t = this._require('RangeBorderCollection.getItem');
        return { ...t, edge: index as Edge };
      },
      this,
    );
    return this._created(child, 'getItem') as unknown as Excel.RangeBorder;
  }
  getItemAt(index: number): Excel.RangeBorder {
    return this.getItem(EDGES[index] ?? ('?' as Edge));
  }
  override _applyLoad(tree: LoadTree): void {
    const count = tree.all || tree.scalars.has('count');
    super._applyLoad({ all: false, scalars: new Set(count ? ['count'] : []), children: new Map() });
    const itemTree = itemTreeOf({
      ...tree,
      scalars: new Set([...tree.scalars].filter((s) => s !== 'count')),
    });
    const items = EDGES.map((edge) => {
      const p = new FakeRangeBorder(
        this._ctx,
        () => ({ ...this._require('RangeBorderCollection.items'), edge }),
        this,
      );
      p._applyLoad(itemTree);
      return p;
    });
    this._ctx._afterSync(() => (this.itemProxies = items));
  }
}

// ----------------------------------------------------------------------------- protection

export class FakeFormatProtection
  extends StyleProxy<Excel.FormatProtection>
  implements Pick<Excel.FormatProtection, 'context' | 'locked' | 'formulaHidden' | 'load'>
{
  readonly _typeName = 'FormatProtection';
  override _scalarNames(): readonly string[] {
    return ['locked', 'formulaHidden'];
  }
  override _compute(name: string, t: RangeTarget): unknown {
    if (name === 'locked') return this.styleValue(t, 'locked');
    if (name === 'formulaHidden') return false;
    return NO_SUCH_PROPERTY;
  }
  get locked(): boolean {
    return this._get('locked');
  }
  set locked(v: boolean) {
    this.setStyle('locked', v, (x) => ({ locked: Boolean(x) }));
  }
  get formulaHidden(): boolean {
    return this._get('formulaHidden');
  }
  set formulaHidden(v: boolean) {
    this._setProp('formulaHidden', v, () => undefined);
  }
}

// ----------------------------------------------------------------------------- RangeFormat

export class FakeRangeFormat
  extends StyleProxy<Excel.RangeFormat>
  implements
    Pick<
      Excel.RangeFormat,
      | 'context'
      | 'fill'
      | 'font'
      | 'borders'
      | 'protection'
      | 'horizontalAlignment'
      | 'verticalAlignment'
      | 'wrapText'
      | 'indentLevel'
      | 'columnWidth'
      | 'rowHeight'
      | 'autofitRows'
      | 'autofitColumns'
      | 'load'
      | 'set'
    >
{
  readonly _typeName = 'RangeFormat';
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;
  private _borders?: FakeRangeBorderCollection;
  private _protection?: FakeFormatProtection;

  override _scalarNames(): readonly string[] {
    return [
      'horizontalAlignment',
      'verticalAlignment',
      'wrapText',
      'indentLevel',
      'columnWidth',
      'rowHeight',
    ];
  }
  override _navigate(name: string): ProxyBase<unknown> | undefined {
    if (name === 'fill') return this.fill as unknown as FakeRangeFill;
    if (name === 'font') return this.font as unknown as FakeRangeFont;
    if (name === 'borders') return this.borders as unknown as FakeRangeBorderCollection;
    if (name === 'protection') return this.protection as unknown as FakeFormatProtection;
    return undefined;
  }
  override _compute(name: string, t: RangeTarget): unknown {
    const m = model(this);
    switch (name) {
      case 'horizontalAlignment':
        return this.styleValue(t, 'horizontalAlignment');
      case 'verticalAlignment':
        return this.styleValue(t, 'verticalAlignment');
      case 'wrapText':
        return this.styleValue(t, 'wrapText');
      case 'indentLevel':
        return this.styleValue(t, 'indentLevel');
      case 'columnWidth': {
        const widths = new Set<number>();
        const last = Math.min(t.rect.col + t.rect.colCount, t.rect.col + 200);
        for (let c = t.rect.col; c < last; c++) widths.add(m.columnWidth(t.sheet, c));
        return widths.size === 1 ? [...widths][0] : null;
      }
      case 'rowHeight': {
        const heights = new Set<number>();
        const last = Math.min(t.rect.row + t.rect.rowCount, t.rect.row + 2000);
        for (let r = t.rect.row; r < last; r++) heights.add(m.rowHeight(t.sheet, r));
        return heights.size === 1 ? [...heights][0] : null;
      }
      default:
        return NO_SUCH_PROPERTY;
    }
  }
  get fill(): Excel.RangeFill {
    this._fill ??= new FakeRangeFill(this._ctx, () => this._resolve(), this);
    return this._fill as unknown as Excel.RangeFill;
  }
  get font(): Excel.RangeFont {
    this._font ??= new FakeRangeFont(this._ctx, () => this._resolve(), this);
    return this._font as unknown as Excel.RangeFont;
  }
  get borders(): Excel.RangeBorderCollection {
    this._borders ??= new FakeRangeBorderCollection(this._ctx, () => this._resolve(), this);
    return this._borders as unknown as Excel.RangeBorderCollection;
  }
  get protection(): Excel.FormatProtection {
    this._protection ??= new FakeFormatProtection(this._ctx, () => this._resolve(), this);
    return this._protection as unknown as Excel.FormatProtection;
  }
  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
    this.setStyle('horizontalAlignment', v, (x) => {
      if (
        ![
          'General',
          'Left',
          'Center',
          'Right',
          'Fill',
          'Justify',
          'CenterAcrossSelection',
          'Distributed',
        ].includes(String(x))
      ) {
        throw richError(
          'InvalidArgument',
          'RangeFormat.horizontalAlignment',
          `Bad alignment ${String(x)}`,
        );
      }
      return { horizontalAlignment: String(x) };
    });
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: Excel.RangeFormat['verticalAlignment']) {
    this.setStyle('verticalAlignment', v, (x) => {
      if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(String(x))) {
        throw richError(
          'InvalidArgument',
          'RangeFormat.verticalAlignment',
          `Bad alignment ${String(x)}`,
        );
      }
      return { verticalAlignment: String(x) };
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this.setStyle('wrapText', v, (x) => ({ wrapText: Boolean(x) }));
  }
  get indentLevel(): number {
    return this._get('indentLevel');
  }
  set indentLevel(v: number) {
    this.setStyle('indentLevel', v, (x) => ({ indentLevel: Number(x) }));
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._setProp('columnWidth', v, (t, x) => model(this).setColumnWidth(t.sheet, t.rect, x));
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._setProp('rowHeight', v, (t, x) => {
      if (isEntireColumns(t.rect))
        throw richError('InvalidArgument', 'RangeFormat.rowHeight', 'Whole columns');
      model(this).setRowHeight(t.sheet, t.rect, x);
    });
  }
  autofitRows(): void {
    this._queue('autofitRows', (t) => model(this).autofitRows(t.sheet, t.rect));
  }
  autofitColumns(): void {
    this._queue('autofitColumns', () => undefined);
  }
  set(properties: unknown): void {
    applySet(this, properties);
  }
}

// ----------------------------------------------------------------------------- data validation

function ruleType(rule: ValidationRule | null): string {
  if (!rule) return 'None';
  if (rule.list) return 'List';
  if (rule.custom) return 'Custom';
  if (rule.wholeNumber) return 'WholeNumber';
  if (rule.decimal) return 'Decimal';
  if (rule.textLength) return 'TextLength';
  return 'None';
}

export class FakeDataValidation
  extends LoadableProxy<RangeTarget, Excel.DataValidation>
  implements
    Pick<
      Excel.DataValidation,
      | 'context'
      | 'rule'
      | 'type'
      | 'valid'
      | 'ignoreBlanks'
      | 'errorAlert'
      | 'prompt'
      | 'clear'
      | 'load'
    >
{
  readonly _typeName = 'DataValidation';
  override _scalarNames(): readonly string[] {
    return ['rule', 'type', 'valid', 'ignoreBlanks', 'errorAlert', 'prompt'];
  }
  override _compute(name: string, t: RangeTarget): unknown {
    const m = model(this);
    const hits = m.validationsIn(t.sheet, t.rect);
    const single =
      hits.length === 1 &&
      hits[0].ranges.some(
        (r) =>
          r.row <= t.rect.row &&
          r.col <= t.rect.col &&
          r.row + r.rowCount >= t.rect.row + t.rect.rowCount &&
          r.col + r.colCount >= t.rect.col + t.rect.colCount,
      )
        ? hits[0]
        : undefined;
    switch (name) {
      case 'type':
        if (hits.length === 0) return 'None';
        if (hits.length > 1) return 'Inconsistent';
        return single ? ruleType(single.rule) : 'MixedCriteria';
      case 'rule':
        return single?.rule ? JSON.parse(JSON.stringify(single.rule)) : {};
      case 'ignoreBlanks':
        return single ? single.ignoreBlanks : hits.length === 0 ? true : null;
      case 'errorAlert':
        return single
          ? { ...single.errorAlert }
          : hits.length === 0
            ? { message: '', showAlert: true, style: 'Stop', title: '' }
            : null;
      case 'prompt':
        return single
          ? { ...single.prompt }
          : hits.length === 0
            ? { message: '', showPrompt: false, title: '' }
            : null;
      case 'valid': {
        for (
          let r = t.rect.row;
          r < Math.min(t.rect.row + t.rect.rowCount, t.rect.row + 5000);
          r++
        ) {
          for (
            let c = t.rect.col;
            c < Math.min(t.rect.col + t.rect.colCount, t.rect.col + 200);
            c++
          ) {
            if (!m.isCellValid(t.sheet, r, c)) return false;
          }
        }
        return true;
      }
      default:
        return NO_SUCH_PROPERTY;
    }
  }
  get rule(): Excel.DataValidationRule {
    return this._get('rule');
  }
  set rule(value: Excel.DataValidationRule) {
    this._setProp('rule', value, (t, v) => {
      if (!v || typeof v !== 'object') throw richError('InvalidArgument', 'DataValidation.rule');
      const rule: ValidationRule = {};
      if (v.list) {
        let source = v.list.source as unknown;
        if (source instanceof ProxyBase) {
          checkSameContext(this._ctx, source, 'DataValidation.rule');
          const rt = (source as ProxyBase<RangeTarget>)._require('DataValidation.rule');
          source = `=${formatAddress(rt.sheet.name, rt.rect, true)}`;
        }
        rule.list = { source: String(source), inCellDropDown: v.list.inCellDropDown ?? true };
      }
      if (v.custom) rule.custom = { formula: String(v.custom.formula) };
      for (const k of ['wholeNumber', 'decimal', 'textLength'] as const) {
        const b = v[k];
        if (b)
          rule[k] = {
            formula1: b.formula1 as string | number,
            formula2: b.formula2 as string | number | undefined,
            operator: String(b.operator),
          };
      }
      if (v.date || v.time)
        throw richError(
          'NotImplemented',
          'DataValidation.rule',
          'The fake does not model date/time validation',
        );
      model(this).setValidation(t.sheet, t.rect, { rule });
    });
  }
  get type(): Excel.DataValidation['type'] {
    return this._get('type');
  }
  get valid(): boolean {
    return this._get('valid');
  }
  get ignoreBlanks(): boolean {
    return this._get('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this._setProp('ignoreBlanks', v, (t, x) =>
      model(this).setValidation(t.sheet, t.rect, { ignoreBlanks: Boolean(x) }),
    );
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get('errorAlert');
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this._setProp('errorAlert', v, (t, x) =>
      model(this).setValidation(t.sheet, t.rect, {
        errorAlert: {
          message: x.message ?? '',
          showAlert: x.showAlert ?? true,
          style: (x.style ?? 'Stop') as 'Stop',
          title: x.title ?? '',
        },
      }),
    );
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get('prompt');
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this._setProp('prompt', v, (t, x) =>
      model(this).setValidation(t.sheet, t.rect, {
        prompt: {
          message: x.message ?? '',
          showPrompt: x.showPrompt ?? false,
          title: x.title ?? '',
        },
      }),
    );
  }
  clear(): void {
    this._queue('clear', (t) => model(this).clearValidation(t.sheet, t.rect));
  }
}

// ----------------------------------------------------------------------------- conditional formats

interface CfTarget {
  sheet: SheetRecord;
  cf: ConditionalFormatRecord;
}

export class FakeConditionalRangeFill
  extends LoadableProxy<CfTarget, Excel.ConditionalRangeFill>
  implements Pick<Excel.ConditionalRangeFill, 'context' | 'color' | 'clear' | 'load'>
{
  readonly _typeName = 'ConditionalRangeFill';
  override _scalarNames(): readonly string[] {
    return ['color'];
  }
  override _compute(name: string, t: CfTarget): unknown {
    return name === 'color' ? t.cf.fillColor : NO_SUCH_PROPERTY;
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setProp('color', v, (t, x) =>
      model(this).updateConditionalFormat(t.sheet, t.cf, {
        fillColor: color(x, 'ConditionalRangeFill.color'),
      }),
    );
  }
  clear(): void {
    this._queue('clear', (t) =>
      model(this).updateConditionalFormat(t.sheet, t.cf, { fillColor: null }),
    );
  }
}

export class FakeConditionalRangeFont
  extends LoadableProxy<CfTarget, Excel.ConditionalRangeFont>
  implements Pick<Excel.ConditionalRangeFont, 'context' | 'color' | 'bold' | 'italic' | 'load'>
{
  readonly _typeName = 'ConditionalRangeFont';
  override _scalarNames(): readonly string[] {
    return ['color', 'bold', 'italic'];
  }
  override _compute(name: string, t: CfTarget): unknown {
    if (name === 'color') return t.cf.fontColor;
    if (name === 'bold') return t.cf.fontBold;
    if (name === 'italic') return t.cf.fontItalic;
    return NO_SUCH_PROPERTY;
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setProp('color', v, (t, x) =>
      model(this).updateConditionalFormat(t.sheet, t.cf, {
        fontColor: color(x, 'ConditionalRangeFont.color'),
      }),
    );
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._setProp('bold', v, (t, x) =>
      model(this).updateConditionalFormat(t.sheet, t.cf, { fontBold: Boolean(x) }),
    );
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._setProp('italic', v, (t, x) =>
      model(this).updateConditionalFormat(t.sheet, t.cf, { fontItalic: Boolean(x) }),
    );
  }
}

const CF_BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot'];
const CF_BORDER_SIDES: ConditionalBorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

/** One edge of a conditional format's borders (ExcelApi 1.6: style and colour, no weight). */
export class FakeConditionalRangeBorder
  extends LoadableProxy<CfTarget, Excel.ConditionalRangeBorder>
  implements
    Pick<Excel.ConditionalRangeBorder, 'context' | 'color' | 'style' | 'sideIndex' | 'load'>
{
  readonly _typeName = 'ConditionalRangeBorder';
  constructor(
    ctx: FakeRequestContext,
    resolver: () => CfTarget | null,
    parent: ProxyBase<unknown>,
    private readonly side: ConditionalBorderSide,
  ) {
    super(ctx, resolver, parent);
  }
  override _scalarNames(): readonly string[] {
    return ['color', 'style', 'sideIndex'];
  }
  override _compute(name: string, t: CfTarget): unknown {
    const b = t.cf.borders[this.side];
    if (name === 'color') return b?.color ?? null;
    if (name === 'style') return b?.style ?? 'None';
    if (name === 'sideIndex') return this.side;
    return NO_SUCH_PROPERTY;
  }
  get sideIndex(): Excel.ConditionalRangeBorderIndex | ConditionalBorderSide {
    return this._get('sideIndex');
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setProp('color', v, (t, x) => {
      const c = color(x, 'ConditionalRangeBorder.color');
      const b = t.cf.borders[this.side] ?? { style: 'Continuous', color: null };
      model(this).updateConditionalFormat(t.sheet, t.cf, {
        borders: { ...t.cf.borders, [this.side]: { ...b, color: c } },
      });
    });
  }
  get style(): Excel.ConditionalRangeBorder['style'] {
    return this._get('style');
  }
  set style(v: Excel.ConditionalRangeBorder['style']) {
    if (!CF_BORDER_STYLES.includes(String(v))) {
      throw richError(
        'InvalidArgument',
        'ConditionalRangeBorder.style',
        `Unknown line style ${String(v)}`,
      );
    }
    this._setProp('style', v, (t, x) => {
      const b = t.cf.borders[this.side] ?? { style: 'None', color: null };
      model(this).updateConditionalFormat(t.sheet, t.cf, {
        borders: { ...t.cf.borders, [this.side]: { ...b, style: String(x) } },
      });
    });
  }
}

/** A conditional format's four edges: getItem('EdgeTop') or .top / .bottom / .left / .right. */
export class FakeConditionalRangeBorderCollection
  extends ProxyBase<CfTarget>
  implements
    Pick<
      Excel.ConditionalRangeBorderCollection,
      'context' | 'getItem' | 'top' | 'bottom' | 'left' | 'right'
    >
{
  readonly _typeName = 'ConditionalRangeBorderCollection';
  private edges = new Map<ConditionalBorderSide, FakeConditionalRangeBorder>();
  getItem(
    index: Excel.ConditionalRangeBorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight',
  ): Excel.ConditionalRangeBorder {
    const side = String(index) as ConditionalBorderSide;
    if (!CF_BORDER_SIDES.includes(side)) {
      throw richError(
        'InvalidArgument',
        'ConditionalRangeBorderCollection.getItem',
        `No border ${side}`,
      );
    }
    let b = this.edges.get(side);
    if (!b) {
      b = new FakeConditionalRangeBorder(this._ctx, () => this._resolve(), this, side);
      this.edges.set(side, b);
    }
    return b as unknown as Excel.ConditionalRangeBorder;
  }
  get top(): Excel.ConditionalRangeBorder {
    return this.getItem('EdgeTop');
  }
  get bottom(): Excel.ConditionalRangeBorder {
    return this.getItem('EdgeBottom');
  }
  get left(): Excel.ConditionalRangeBorder {
    return this.getItem('EdgeLeft');
  }
  get right(): Excel.ConditionalRangeBorder {
    return this.getItem('EdgeRight');
  }
}

export class FakeConditionalRangeFormat
  extends LoadableProxy<CfTarget, Excel.ConditionalRangeFormat>
  implements Pick<Excel.ConditionalRangeFormat, 'context' | 'fill' | 'font' | 'borders' | 'load'>
{
  readonly _typeName = 'ConditionalRangeFormat';
  private _fill?: FakeConditionalRangeFill;
  private _font?: FakeConditionalRangeFont;
  private _borders?: FakeConditionalRangeBorderCollection;
  get borders(): Excel.ConditionalRangeBorderCollection {
    this._borders ??= new FakeConditionalRangeBorderCollection(
      this._ctx,
      () => this._resolve(),
      this,
    );
    return this._borders as unknown as Excel.ConditionalRangeBorderCollection;
  }
  override _navigate(name: string): ProxyBase<unknown> | undefined {
    if (name === 'fill') return this.fill as unknown as FakeConditionalRangeFill;
    if (name === 'font') return this.font as unknown as FakeConditionalRangeFont;
    return undefined;
  }
  get fill(): Excel.ConditionalRangeFill {
    this._fill ??= new FakeConditionalRangeFill(this._ctx, () => this._resolve(), this);
    return this._fill as unknown as Excel.ConditionalRangeFill;
  }
  get font(): Excel.ConditionalRangeFont {
    this._font ??= new FakeConditionalRangeFont(this._ctx, () => this._resolve(), this);
    return this._font as unknown as Excel.ConditionalRangeFont;
  }
}

export class FakeConditionalFormatRule
  extends LoadableProxy<CfTarget, Excel.ConditionalFormatRule>
  implements Pick<Excel.ConditionalFormatRule, 'context' | 'formula' | 'formulaLocal' | 'load'>
{
  readonly _typeName = 'ConditionalFormatRule';
  override _scalarNames(): readonly string[] {
    return ['formula', 'formulaLocal'];
  }
  override _compute(name: string, t: CfTarget): unknown {
    return name === 'formula' || name === 'formulaLocal' ? t.cf.formula : NO_SUCH_PROPERTY;
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._setProp('formula', v, (t, x) =>
      model(this).updateConditionalFormat(t.sheet, t.cf, { formula: String(x) }),
    );
  }
  get formulaLocal(): string {
    return this._get('formulaLocal');
  }
  set formulaLocal(v: string) {
    this.formula = v;
  }
}

export class FakeCustomConditionalFormat
  extends LoadableProxy<CfTarget, Excel.CustomConditionalFormat>
  implements Pick<Excel.CustomConditionalFormat, 'context' | 'rule' | 'format' | 'load'>
{
  readonly _typeName = 'CustomConditionalFormat';
  private _rule?: FakeConditionalFormatRule;
  private _format?: FakeConditionalRangeFormat;
  override _navigate(name: string): ProxyBase<unknown> | undefined {
    if (name === 'rule') return this.rule as unknown as FakeConditionalFormatRule;
    if (name === 'format') return this.format as unknown as FakeConditionalRangeFormat;
    return undefined;
  }
  get rule(): Excel.ConditionalFormatRule {
    this._rule ??= new FakeConditionalFormatRule(this._ctx, () => this._resolve(), this);
    return this._rule as unknown as Excel.ConditionalFormatRule;
  }
  get format(): Excel.ConditionalRangeFormat {
    this._format ??= new FakeConditionalRangeFormat(this._ctx, () => this._resolve(), this);
    return this._format as unknown as Excel.ConditionalRangeFormat;
  }
}

export class FakeConditionalFormat
  extends LoadableProxy<CfTarget, Excel.ConditionalFormat>
  implements
    Pick<
      Excel.ConditionalFormat,
      | 'context'
      | 'id'
      | 'type'
      | 'priority'
      | 'stopIfTrue'
      | 'custom'
      | 'getRange'
      | 'delete'
      | 'load'
    >
{
  readonly _typeName = 'ConditionalFormat';
  private _custom?: FakeCustomConditionalFormat;

  constructor(
    ctx: FakeRequestContext,
    resolver: () => CfTarget | null,
    parent: ProxyBase<unknown>,
    private readonly makeRange: (
      target: () => RangeTarget | null,
      parent: ProxyBase<unknown>,
    ) => Excel.Range,
  ) {
    super(ctx, resolver, parent);
  }

  override _scalarNames(): readonly string[] {
    return ['id', 'type', 'priority', 'stopIfTrue'];
  }
  override _compute(name: string, t: CfTarget): unknown {
    switch (name) {
      case 'id':
        return t.cf.id;
      case 'type':
        return t.cf.type;
      case 'priority':
        return t.cf.priority;
      case 'stopIfTrue':
        return t.cf.stopIfTrue;
      default:
        return NO_SUCH_PROPERTY;
    }
  }
  override _navigate(name: string): ProxyBase<unknown> | undefined {
    return name === 'custom' || name === 'customOrNullObject'
      ? (this.custom as unknown as FakeCustomConditionalFormat)
      : undefined;
  }
  get id(): string {
    return this._get('id');
  }
  get type(): Excel.ConditionalFormat['type'] {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._setProp('priority', v, (t, x) =>
      model(this).updateConditionalFormat(t.sheet, t.cf, { priority: Number(x) }),
    );
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._setProp('stopIfTrue', v, (t, x) =>
      model(this).updateConditionalFormat(t.sheet, t.cf, { stopIfTrue: Boolean(x) }),
    );
  }
  get custom(): Excel.CustomConditionalFormat {
    this._custom ??= new FakeCustomConditionalFormat(this._ctx, () => this._resolve(), this);
    return this._custom as unknown as Excel.CustomConditionalFormat;
  }
  /** The fake holds only custom rules (addConditionalFormat refuses others): never null here. */
  get customOrNullObject(): Excel.CustomConditionalFormat {
    return this.custom;
  }
  getRange(): Excel.Range {
    return this.makeRange(() => {
      const t = this._require('ConditionalFormat.getRange');
      return { sheet: t.sheet, rect: t.cf.ranges[0] };
    }, this);
  }
  delete(): void {
    this._queue('delete', (t) => model(this).deleteConditionalFormat(t.sheet, t.cf));
  }
}

export class FakeConditionalFormatCollection
  extends CollectionProxy<RangeTarget, Excel.ConditionalFormatCollection, FakeConditionalFormat>
  implements
    Pick<
      Excel.ConditionalFormatCollection,
      'context' | 'add' | 'clearAll' | 'getCount' | 'getItem' | 'getItemAt' | 'items' | 'load'
    >
{
  readonly _typeName = 'ConditionalFormatCollection';
  /** Set by the Range that owns this collection (to build ConditionalFormat.getRange()). */
  static makeRange?: (
    ctx: FakeRequestContext,
    target: () => RangeTarget | null,
    parent: ProxyBase<unknown>,
  ) => Excel.Range;

  private item(resolver: () => CfTarget | null): FakeConditionalFormat {
    const mk = FakeConditionalFormatCollection.makeRange;
    return new FakeConditionalFormat(this._ctx, resolver, this, (target, parent) => {
      if (!mk) throw new Error('range factory missing');
      return mk(this._ctx, target, parent);
    });
  }
  /** @internal */
  protected _newItems(t: RangeTarget): FakeConditionalFormat[] {
    return model(this)
      .conditionalFormatsIn(t.sheet, t.rect)
      .map((cf) => this.item(() => ({ sheet: t.sheet, cf })));
  }
  add(type: string): Excel.ConditionalFormat {
    let created: CfTarget | null = null;
    const cf = this.item(() => created);
    this._queue('add', (t) => {
      created = { sheet: t.sheet, cf: model(this).addConditionalFormat(t.sheet, t.rect, type) };
      cf._resolve();
    });
    return cf as unknown as Excel.ConditionalFormat;
  }
  clearAll(): void {
    this._queue('clearAll', (t) => model(this).clearConditionalFormats(t.sheet, t.rect));
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return this._count((t) => model(this).conditionalFormatsIn(t.sheet, t.rect).length);
  }
  getItem(id: string): Excel.ConditionalFormat {
    const child = this.item(() => {
      const t = this._require('ConditionalFormatCollection.getItem');
      const cf = t.sheet.conditionalFormats.find((c) => c.id === id);
      if (!cf)
        throw richError(
          'ItemNotFound',
          'ConditionalFormatCollection.getItem',
          `No conditional format ${id}`,
        );
      return { sheet: t.sheet, cf };
    });
    return this._created(child, 'getItem') as unknown as Excel.ConditionalFormat;
  }
  getItemAt(index: number): Excel.ConditionalFormat {
    const child = this.item(() => {
      const t = this._require('ConditionalFormatCollection.getItemAt');
      const cf = model(this).conditionalFormatsIn(t.sheet, t.rect)[index];
      if (!cf)
        throw richError(
          'ItemNotFound',
          'ConditionalFormatCollection.getItemAt',
          `No conditional format at ${index}`,
        );
      return { sheet: t.sheet, cf };
    });
    return this._created(child, 'getItemAt') as unknown as Excel.ConditionalFormat;
  }
  get items(): Excel.ConditionalFormat[] {
    return this._items();
  }
}
