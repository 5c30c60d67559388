// How a refused request names its fields: the API's 422 and the console's forms (which run the
// same schemas before sending) both say it this way.
import type { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((i) => {
    // An unknown key is reported on the key itself, so clients see which field to drop.
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ field: [...i.path, k].join('.'), message: 'is not an accepted field' }));
    }
    return [{ field: i.path.join('.') || '(body)', message: i.message }];
  });
}
