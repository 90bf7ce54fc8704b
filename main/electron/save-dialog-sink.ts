import { createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ExportCsvResult } from '../../preload/contract.js';
import type { CsvDelivery, ExportSink } from '../core/reports/export-sink.js';

/** Electron's ExportSink: the admin picks the file; the CSV streams straight into it. */
export class SaveDialogSink implements ExportSink {
  constructor(private readonly window: () => BrowserWindow | null) {}

  async deliver(delivery: CsvDelivery): Promise<ExportCsvResult> {
    const options = {
      title: 'Export members as CSV',
      defaultPath: join(app.getPath('documents'), delivery.fileName),
      filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
    };
    const win = this.window();
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
    const { rows, bytes } = await delivery.write(createWriteStream(choice.filePath));
    return { kind: 'saved', rows, bytes, fileName: basename(choice.filePath) };
  }
}
