-- Records one mail to send, once: a second nightly run, or a second node, finds it recorded and adds nothing.
INSERT INTO delivery (list_name, recipient_name, recipient_email, product, date_from, date_to, revision, copy,
                      out_folder, changes, message_id, recorded_at, next_attempt_at)
VALUES (:list, :name, :email, :product, :from, :to, :revision, :copy, :outFolder, :changes, :messageId, :now, :now)
ON CONFLICT (list_name, recipient_email, product, date_from, date_to, revision, copy) DO NOTHING
