package org.fraudstats.storage;

/** An account key other than the one this database's account numbers were hashed with ({@link AccountKeyCheck}). */
public class WrongAccountKey extends RuntimeException {

    /** @param source where the key in use came from: the file's path, or FRAUDSTATS_ACCOUNT_KEY (it said HOME/account.key, tester B) */
    WrongAccountKey(String source, String refused) {
        super("the account key (" + source + ") is not the one this database's account "
                + "numbers were hashed with, so accounts already counted would count again and TOTP keys would not open: "
                + "put back the account.key of this database (README \"Backing up\": a home is restored with it); " + refused);
    }
}
