package org.spikefx.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process run of the command line, with what it printed. */
record Invocation(int exitCode, String out, String err) {

    static Invocation of(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CommandLine.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Invocation(exitCode, out.toString(), err.toString());
    }

    static Invocation of(String... args) {
        return of(List.of(args));
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
