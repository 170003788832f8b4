-- Every mail of a bulletin to one recipient of one list (delivery.md): recorded and committed before it is sent,
-- so a relay outage, a second `serve` node or a kill never sends it twice or loses it. The key is the list, the
-- recipient, the bulletin (product, period, revision) and copy (0; `deliver --resend` adds 1, 2, …); the
-- Message-ID is derived from that key, so the one possible duplicate (a death between the relay's acceptance and
-- the commit that marks it sent) is recognisable.
CREATE TABLE delivery (
    id              bigserial   PRIMARY KEY,
    list_name       text        NOT NULL,
    recipient_name  text        NOT NULL,
    recipient_email text        NOT NULL,
    product         text        NOT NULL CHECK (product IN ('daily', 'weekly', 'monthly')),
    date_from       date        NOT NULL,
    date_to         date        NOT NULL,
    revision        integer     NOT NULL,
    copy            integer     NOT NULL DEFAULT 0,
    out_folder      text        NOT NULL,
    changes         text        NOT NULL DEFAULT '',
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    message_id      text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    UNIQUE (list_name, recipient_email, product, date_from, date_to, revision, copy)
);

-- the retry pass looks only at what is due
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state = 'pending';
