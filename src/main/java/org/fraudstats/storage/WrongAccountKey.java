package org.fraudstats.storage;

/** An account key other than the one this database's account numbers were hashed with ({@link AccountKeyCheck}). */
public class WrongAccountKey extends RuntimeException {

    /** @param source where the key in use came from: the file's path, or FRAUDSTATS_ACCOUNT_KEY (it said HOME/account.key, tester B) */
    WrongAccountKey(String source, String refused) {
        super("the account key (" + source + ") is not the one this database's account "
                + "numbers were hashed with, so accounts already counted would count again and TOTP keys would not open: "
                + "put back the account.key of this database (README \"Backing up\": a home is restored with it); " + refused);
    }

    private WrongAccountKey(String message) {
        super(message);
    }

    /**
     * No key recorded yet (a database loaded before V28), account numbers hashed already, and no key file in the home
     * (one was made just now, and taken back): the key made cannot be theirs (r37e).
     */
    static WrongAccountKey madeNow(String source, String refused) {
        return new WrongAccountKey("there was no account key (" + source + ") in this home, and this database holds account "
                + "numbers hashed with one before: a key made now would count every account already counted again; put back "
                + "the account.key of this database (README \"Backing up\": a home is restored with it); " + refused);
    }

    /**
     * A key given in FRAUDSTATS_ACCOUNT_KEY too short to be the first a database's account numbers are hashed with:
     * a guessable key gives every account number back from a copy of the database (they have little entropy), and a
     * one-character key was taken (review 32b). A database that recorded such a key before keeps it.
     */
    static WrongAccountKey tooShort(int bytes, String refused) {
        return new WrongAccountKey("FRAUDSTATS_ACCOUNT_KEY is " + bytes + (bytes == 1 ? " byte" : " bytes") + " long: the key a "
                + "database's account numbers are hashed with has " + AccountKeyCheck.SHORTEST + " or more (openssl rand -hex 32), or leave "
                + "it unset for account.key, generated in the home; " + refused);
    }
}
