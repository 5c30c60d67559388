-- The street a firm registered at a matching event is in: a need it states opens a lead there.
-- Registrations from before stay without one until registered again with their street.
ALTER TABLE "matching_event_firm" ADD COLUMN "street_code" TEXT;
ALTER TABLE "matching_event_firm" ADD CONSTRAINT "matching_event_firm_street_code_fkey" FOREIGN KEY ("street_code") REFERENCES "street"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
