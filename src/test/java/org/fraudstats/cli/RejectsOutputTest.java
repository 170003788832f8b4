package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `rejects` prints of values copied from the feeds. */
class RejectsOutputTest extends DatabaseTest {

    @TempDir
    Path inbox;

    @Test
    void csvNeverStartsACellWithAFormulaAndJsonKeepsTheValueAsWritten() {
        new Drops(inbox).write("2022-10-01", "warnings.csv", Drops.WARNINGS
                + "\"=cmd|' /C calc'!A0\",2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "+1,2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "-2,2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "@SUM(A1),2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "\tW5,2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "\"\rW6\",2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "W7,2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "W8,2022-10-01T10:00:00+08:00,440604,SMS\rX,DISSUADED\n"
                + "W\r9,2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "W10,2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "\" =1+1\",2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "\"\u3000\u00a0@A1\",2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n"
                + "\" W 13\",2022-10-01T10:00:00+08:00,440604,FAX,DISSUADED\n");
        Run ingest = cli("ingest", "--inbox", inbox.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        assertThat(cli("rejects").out()).isEqualTo("""
                drop_date,file,line,record_id,reason
                2022-10-01,warnings.csv,2,'=cmd|' /C calc'!A0,channel: unknown channel
                2022-10-01,warnings.csv,3,'+1,channel: unknown channel
                2022-10-01,warnings.csv,4,'-2,channel: unknown channel
                2022-10-01,warnings.csv,5,'@SUM(A1),channel: unknown channel
                2022-10-01,warnings.csv,6,'\tW5,channel: unknown channel
                2022-10-01,warnings.csv,7,"'\rW6",channel: unknown channel
                2022-10-01,warnings.csv,8,W7,channel: unknown channel
                2022-10-01,warnings.csv,9,W8,channel: unknown channel
                2022-10-01,warnings.csv,10,"W\r9",channel: unknown channel
                2022-10-01,warnings.csv,11,W10,channel: unknown channel
                2022-10-01,warnings.csv,12,' =1+1,channel: unknown channel
                2022-10-01,warnings.csv,13,'\u3000\u00a0@A1,channel: unknown channel
                2022-10-01,warnings.csv,14, W 13,channel: unknown channel
                """);
        assertThat(cli("rejects", "--format", "json").out())
                .contains("\"record_id\": \"=cmd|' /C calc'!A0\"").contains("\"record_id\": \"-2\"")
                .contains("\"record_id\": \"\\tW5\"").contains("\"record_id\": \"\\rW6\"")
                .contains("\"channel\": \"SMS\\rX\"").contains("\"record_id\": \"W\\r9\"");
    }
}
