// Requests of the firm's own 善科贷 application and of the one its customer manager prepares
// for it (docs/firm.md). Both are the officer's sci-tech opening with what the caller's token
// decides taken out: the firm's credit code, the customer manager's bank.
import { z } from 'zod';
import { SciTechCaseBody } from './cases';

const { firmName, creditCode, street, bank, amount, purpose, confirmCreditCodeWarnings, application } = SciTechCaseBody.shape;

/** The firm applies itself: its credit code is the token's, so the body has none. */
export const FirmApplyBody = z.strictObject({ firmName, street, bank, amount, purpose, application });

/**
 * A customer manager prepares a firm's application for their own bank (the token's): the firm
 * it names reviews and submits it. They confirm a pilot code against the business licence.
 */
export const PreparedApplicationBody = z.strictObject({ firmName, creditCode, street, amount, purpose, confirmCreditCodeWarnings, application });

export const FIRM_APPLICATION_ID = /^FA-[0-9A-F]{16}$/;
/** Looked up by the service, so a malformed id is a 404 like any other the firm cannot see. */
export const FirmApplicationParams = z.strictObject({ id: z.string() });
