// Reports answer JSON or, when asked, CSV.
import type { Request, Response } from 'express';

/** CSV when asked by `format=csv`, or by `Accept: text/csv` without a format. */
function wantsCsv(req: Request, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** The JSON body, or the CSV as an attachment; `filename` must need no escaping but quotes. */
export function sendJsonOrCsv(req: Request, res: Response, format: 'json' | 'csv' | undefined, body: object, csv: { filename: string; text: () => string }): void {
  res.vary('Accept');
  if (!wantsCsv(req, format)) {
    res.json(body);
    return;
  }
  res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${csv.filename}"`).send(csv.text());
}
