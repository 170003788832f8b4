package org.fraudstats.cli;

import picocli.CommandLine.Option;

/** --debug: read by Cli before parsing; declared here so every command accepts it. */
class DebugOption {
    @Option(names = "--debug", description = "print the stack trace of a failure")
    boolean debug;
}
