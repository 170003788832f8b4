-- The relay this home mails through, if a process with one ever made a delivery pass (V39), and since when, in
-- Beijing time as the other commands print times.
SELECT host, to_char(since AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS since
FROM mail_relay
