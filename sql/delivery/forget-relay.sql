-- The demo's home writes its mails as .eml files whenever the demo runs without a relay, even after a run that had
-- one (V39 would otherwise keep it a home that mails: review 32c).
DELETE FROM mail_relay
