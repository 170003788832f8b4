-- Who a revision of a bulletin goes to (delivery.md: "everyone who received the revised bulletin"): the recipients of
-- its earlier revisions, and those whose mail of it failed too. They were meant to have it, and the correction is now
-- the bulletin: left out, a recipient whose mailbox refused the first revision for 6 hours never had the bulletin, and
-- neither `deliver` (which tries the latest revision's failed mails) nor `deliver --resend` reached them (review 32).
-- One row per list and address whatever its letter case (record-delivery.sql), the spelling of its latest mail.
SELECT DISTINCT ON (list_name, lower(recipient_email)) list_name, recipient_name, recipient_email
FROM delivery
WHERE product = :product AND date_from = :from AND date_to = :to AND revision < :revision
ORDER BY list_name, lower(recipient_email), revision DESC, copy DESC
