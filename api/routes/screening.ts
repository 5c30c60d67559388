// The screening track (api/services/screening.ts): a street's firms imported with indicators
// and screened by the transparent model; the flagged ones join the street's visit list.
import { SCREENING_IMPORTERS } from '../../domain/surveyNetwork';
import { B, P, R, ok, problem, withBody } from '../contract';
import { IdempotencyKeyHeader, StreetParams } from '../schemas';
import { route } from './route';

export const SCREENING_ROUTES = [
  route({
    operationId: 'importScreening',
    method: 'post',
    path: '/api/v1/streets/{street}/screening-imports',
    summary: '大数据筛查导入 Import a street’s firms with indicators (信易贷 or tax data, CSV) and screen them; flagged firms join the visit list with their reasons',
    tags: ['Visits'],
    roles: SCREENING_IMPORTERS,
    scope:
      'A case officer imports for their street, the task force (its survey group too) for any; another street is 404. All or nothing unless skipBadRows; a firm is one per street and credit code, so a repeat changes nothing. Audited',
    pathParams: StreetParams,
    headers: IdempotencyKeyHeader,
    body: B.ScreeningImportBody,
    responses: {
      200: ok('Imported: each row’s screening, what was written, and the rows skipped', R.ScreeningImportView),
      ...withBody,
      422: problem('The CSV’s header names an unknown column or lacks creditCode or name, or a row is refused (field rows.N.column; nothing is written unless skipBadRows), or every row is (…:validation)'),
      403: P[403],
      404: P[404],
    },
    handler: async (c, { screening }) => {
      const street = await screening.streetInReach(c.caller, c.params().street);
      c.res.json(await screening.import(c.caller, street, c.body()));
    },
  }),
];
