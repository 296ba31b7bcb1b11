-- when the partner was asked for the claim after its activity ended (once per request)
alter table mdf_request add column claim_invited_at timestamptz;
