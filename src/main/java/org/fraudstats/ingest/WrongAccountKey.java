package org.fraudstats.ingest;

/** A load under another account key than the database's account numbers were hashed with (AccountKeyCheck). */
public class WrongAccountKey extends RuntimeException {

    WrongAccountKey() {
        super("the account key (HOME/account.key, or FRAUDSTATS_ACCOUNT_KEY) is not the one this database's account "
                + "numbers were hashed with, so accounts already counted would count again: put back the account.key "
                + "of this database (README \"Backing up\": a home is restored with it); nothing was loaded");
    }
}
