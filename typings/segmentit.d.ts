/** The part of segmentit (no bundled types) that scripts/redaction-data.ts reads: its Chinese-name tables. */
declare module 'segmentit' {
  export const CHS_NAMES: Record<
    'FAMILY_NAME_1' | 'FAMILY_NAME_2' | 'DOUBLE_NAME_1' | 'DOUBLE_NAME_2' | 'SINGLE_NAME',
    Record<string, number>
  >;
}
