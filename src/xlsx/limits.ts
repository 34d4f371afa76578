/** Limits that keep one hostile or absurd file from taking the whole run down. */
export interface ReadLimits {
  /** Size of the .xlsx file itself. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes the zip declares for all its entries. */
  maxTotalUncompressed: number;
  /** Uncompressed size of any one entry. */
  maxEntryUncompressed: number;
  /** Entries bigger than `ratioFloorBytes` may not be compressed more than this many times. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  /** Number of zip entries. */
  maxEntries: number;
  /** Rows and cells of one worksheet. */
  maxRows: number;
  maxCells: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxEntryUncompressed: 100 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 5000,
  maxRows: 100_000,
  maxCells: 1_000_000,
};
