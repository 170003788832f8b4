-- The mail relay this home has sent through (spring.mail.host), once any process with one has made a delivery pass.
-- Whether a mail goes to a relay or is written as an .eml file was each process's own choice, from its own
-- environment, while the mails due are the whole home's: a statistician's `rerun` from a shell without
-- SPRING_MAIL_HOST (the relay set in serve's systemd unit alone) wrote leadership's mails waiting for the relay as
-- .eml files beside the bulletins and marked them sent (review 32). A process without a relay on a home with one
-- now leaves them for a process that has it (delivery/Deliveries.sendRecorded).
CREATE TABLE mail_relay (
    one_row boolean     PRIMARY KEY DEFAULT true CHECK (one_row),
    host    text        NOT NULL,
    since   timestamptz NOT NULL DEFAULT now()
);
