-- Records one mail to send, once: a second nightly run, or a second node, finds it recorded and adds nothing. The
-- address is one whatever its letter case (a mail system's is): an address rewritten ZhangSan@ → zhangsan@ in
-- distribution.yml between two runs of a night recorded the mail again, and the same mailbox had it twice, with
-- every correction after (review 32).
INSERT INTO delivery (list_name, recipient_name, recipient_email, product, date_from, date_to, revision, copy,
                      out_folder, changes, message_id, recorded_at, next_attempt_at)
SELECT :list, :name, :email, :product, :from, :to, :revision, :copy, :outFolder, :changes, :messageId, :now, :now
WHERE NOT EXISTS (SELECT 1
                  FROM delivery d
                  WHERE d.list_name = :list AND lower(d.recipient_email) = lower(:email) AND d.product = :product
                    AND d.date_from = :from AND d.date_to = :to AND d.revision = :revision AND d.copy = :copy)
ON CONFLICT (list_name, recipient_email, product, date_from, date_to, revision, copy) DO NOTHING
