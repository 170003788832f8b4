-- A process with a relay makes a delivery pass: the home mails through it (V39). Written once, and again only when
-- the host changes, not at every pass of serve.
INSERT INTO mail_relay (host, since) VALUES (:host, :now)
ON CONFLICT (one_row) DO UPDATE SET host = EXCLUDED.host, since = EXCLUDED.since
WHERE mail_relay.host IS DISTINCT FROM EXCLUDED.host
