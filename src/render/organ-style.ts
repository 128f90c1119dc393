/** How each organ type looks: its family (colour), shape and words. Shared by chart, legend and outline. */
import type { OrganType } from '../model/types.ts';

export type Family = 'committee' | 'raikom' | 'factory' | 'cell' | 'apparatus' | 'other';

export interface FamilyStyle {
  label: string;
  fill: string;
  border: string;
  text: string;
}

/** A calm palette: wine for the leading committees, clay for raikoms, slate for factory organisations, sage for cells, sand for the apparatus. */
export const FAMILIES: Record<Family, FamilyStyle> = {
  committee: { label: 'Party committees', fill: '#8a3a44', border: '#5f232c', text: '#ffffff' },
  raikom: { label: 'Raikoms', fill: '#f5e1da', border: '#a4505b', text: '#3a1b20' },
  factory: { label: 'Factory organisations', fill: '#dde7f1', border: '#3d6791', text: '#14273b' },
  cell: { label: 'Cells and units', fill: '#e1ecdb', border: '#4f7d43', text: '#1c2f17' },
  apparatus: { label: 'Apparatus', fill: '#efebe3', border: '#8c8372', text: '#3d382f' },
  other: { label: 'Other', fill: '#ebe5f3', border: '#6b5a8b', text: '#2a2138' },
};

export type Shape = 'round-rectangle' | 'rectangle' | 'cut-rectangle' | 'barrel' | 'octagon' | 'ellipse';

const TYPES: Record<OrganType, { family: Family; shape: Shape; label: string }> = {
  'central-committee': { family: 'committee', shape: 'octagon', label: 'Central Committee' },
  obkom: { family: 'committee', shape: 'round-rectangle', label: 'obkom (oblast committee)' },
  gorkom: { family: 'committee', shape: 'cut-rectangle', label: 'gorkom (city committee)' },
  okruzhkom: { family: 'committee', shape: 'barrel', label: 'okruzhkom (okrug committee)' },
  'urban-raikom': { family: 'raikom', shape: 'round-rectangle', label: 'urban raikom' },
  'rural-raikom': { family: 'raikom', shape: 'barrel', label: 'rural raikom' },
  raikom: { family: 'raikom', shape: 'rectangle', label: 'raikom' },
  'party-committee': { family: 'factory', shape: 'round-rectangle', label: 'factory party committee' },
  kollektiv: { family: 'factory', shape: 'rectangle', label: 'party kollektiv' },
  'departmental-kollektiv': { family: 'factory', shape: 'cut-rectangle', label: 'departmental kollektiv' },
  'all-factory-cell': { family: 'factory', shape: 'barrel', label: 'all-factory cell' },
  'workshop-cell': { family: 'cell', shape: 'round-rectangle', label: 'workshop cell' },
  'shift-cell': { family: 'cell', shape: 'cut-rectangle', label: 'shift cell' },
  'department-cell': { family: 'cell', shape: 'rectangle', label: 'department cell' },
  'zveno-cell': { family: 'cell', shape: 'barrel', label: 'zveno cell' },
  'party-unit': { family: 'cell', shape: 'ellipse', label: 'party unit' },
  cell: { family: 'cell', shape: 'octagon', label: 'cell' },
  conference: { family: 'apparatus', shape: 'ellipse', label: 'conference' },
  plenum: { family: 'apparatus', shape: 'barrel', label: 'plenum' },
  bureau: { family: 'apparatus', shape: 'round-rectangle', label: 'bureau' },
  secretariat: { family: 'apparatus', shape: 'rectangle', label: 'secretariat' },
  department: { family: 'apparatus', shape: 'cut-rectangle', label: 'department' },
  sector: { family: 'apparatus', shape: 'octagon', label: 'sector' },
  commission: { family: 'apparatus', shape: 'rectangle', label: 'commission' },
  instructors: { family: 'apparatus', shape: 'rectangle', label: 'instructors' },
  unit: { family: 'other', shape: 'round-rectangle', label: 'unit' },
};

export function typeStyle(type: string): { family: Family; shape: Shape; label: string } {
  return TYPES[type as OrganType] ?? { family: 'other', shape: 'round-rectangle', label: type };
}

/** The type in words, with the user's own word for it when given. */
export function typeLabel(type: string, own?: string): string {
  return own && type === 'unit' ? own : typeStyle(type).label;
}

export const FAMILY_ORDER: Family[] = ['committee', 'raikom', 'factory', 'cell', 'apparatus', 'other'];

export function typesOfFamily(f: Family): OrganType[] {
  return (Object.keys(TYPES) as OrganType[]).filter((t) => TYPES[t].family === f);
}

/** A small SVG path of a shape in a 28×16 box, for legends. */
export function shapePath(shape: Shape): string {
  switch (shape) {
    case 'rectangle':
      return 'M1 1H27V15H1Z';
    case 'cut-rectangle':
      return 'M5 1H23L27 5V11L23 15H5L1 11V5Z';
    case 'barrel':
      return 'M3 1H25Q28 8 25 15H3Q0 8 3 1Z';
    case 'octagon':
      return 'M8 1H20L27 5V11L20 15H8L1 11V5Z';
    case 'ellipse':
      return 'M14 1C21.5 1 27 4 27 8S21.5 15 14 15S1 12 1 8S6.5 1 14 1Z';
    default:
      return 'M5 1H23Q27 1 27 5V11Q27 15 23 15H5Q1 15 1 11V5Q1 1 5 1Z';
  }
}

/**
 * A number as en-GB writes it (1,917; 38.3; at most three decimals), as `Intl.NumberFormat('en-GB')`
 * would, written out because creating that formatter loads locale data (30–90 ms in Chromium)
 * before the first chart can show a count.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return n !== n ? 'NaN' : n > 0 ? '∞' : '-∞';
  const rounded = Math.round(Math.abs(n) * 1000) / 1000;
  const [whole, fraction] = rounded.toFixed(3).replace(/\.?0+$/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 && rounded !== 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function qualified(value: number, qualifier?: 'approx' | 'min' | 'max'): string {
  const n = formatNumber(value);
  return qualifier === 'approx' ? `c. ${n}` : qualifier === 'min' ? `≥ ${n}` : qualifier === 'max' ? `≤ ${n}` : n;
}
