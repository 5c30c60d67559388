import { expectedCheckCharacter, expectedOrganisationCheckCharacter } from '../../domain/creditCode';

/** A well-formed code for a Siming (350203) firm whose both check characters hold. */
export function validSimingCode(orgBody8: string): string {
  const first17 = `91350203${orgBody8}${expectedOrganisationCheckCharacter(orgBody8)}`;
  return first17 + expectedCheckCharacter(first17);
}
