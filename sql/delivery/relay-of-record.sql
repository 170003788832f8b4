-- The relay this home mails through, if a process with one ever made a delivery pass (V39).
SELECT host, since FROM mail_relay
