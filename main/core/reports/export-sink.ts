import type { Writable } from 'node:stream';
import type { ExportCsvResult } from '../../../preload/contract.js';
import type { CsvWriteResult } from './csv-writer.js';

/** A CSV ready to be written: the rows are fixed, the bytes are produced on demand. */
export interface CsvDelivery {
  fileName: string;
  rows: number;
  /** Streams the whole file into `out` and ends it. */
  write(out: Writable): Promise<CsvWriteResult>;
}

/**
 * Where an export goes. Electron: a save dialog and a file stream; browser
 * mode: a one-time download served by the host.
 */
export interface ExportSink {
  deliver(delivery: CsvDelivery): Promise<ExportCsvResult>;
}
