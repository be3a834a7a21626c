package org.spikefx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What users are told when something fails: one line, never null, never a Java class name, and never
 * longer than a line should be, however long the value that caused it. A message quotes at most an
 * excerpt of a value: the beginning and the end of a long word (a file name stays recognisable), and
 * the beginning and the end of a long line (the field at fault and what is allowed).
 */
public final class Messages {
    /** Words (runs without spaces) longer than this are shortened to their beginning and end. */
    static final int MAX_WORD = 160;
    /** Lines longer than this lose their middle. */
    static final int MAX_LINE = 600;
    private static final int WORD_HEAD = 100;
    private static final int WORD_TAIL = 40;
    private static final Pattern LONG_WORD = Pattern.compile("\\S{" + (MAX_WORD + 1) + ",}");
    private static final long MB = 1024 * 1024;
    private static final String INTERNAL = "an internal error";

    private Messages() {
    }

    /** The message on one line, long values and long lines shortened to excerpts. */
    public static String shorten(String message) {
        String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        Matcher words = LONG_WORD.matcher(line);
        StringBuilder shortened = new StringBuilder();
        while (words.find()) {
            String word = words.group();
            // Punctuation that ends the word belongs to the sentence: "cannot write aaa...csv (300 characters):".
            String punctuation = word.replaceFirst("^.*?([:;,]*)$", "$1");
            word = word.substring(0, word.length() - punctuation.length());
            words.appendReplacement(shortened, Matcher.quoteReplacement(word.substring(0, WORD_HEAD) + "..."
                    + word.substring(word.length() - WORD_TAIL) + " (" + word.length() + " characters)"
                    + punctuation));
        }
        words.appendTail(shortened);
        if (shortened.length() <= MAX_LINE) {
            return shortened.toString();
        }
        int half = MAX_LINE / 2;
        return shortened.substring(0, half) + " ... " + shortened.substring(shortened.length() - half);
    }

    /**
     * Why something failed, in words a user can act on: the failure's own message where it has one
     * (shortened), otherwise a description of its kind. Never null and never a class name.
     */
    public static String reason(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return outOfMemory();
        }
        if (failure instanceof StackOverflowError) {
            return "the computation nested too deeply (stack overflow)";
        }
        if (isWrapper(failure) && failure.getCause() != null && failure.getCause() != failure) {
            return reason(failure.getCause());
        }
        if (failure instanceof AccessDeniedException denied) {
            return (denied.getFile() == null ? "" : denied.getFile() + ": ") + "permission denied";
        }
        if (failure instanceof NoSuchFileException missing) {
            return (missing.getFile() == null ? "" : missing.getFile() + ": ") + "no such file or folder";
        }
        if (failure instanceof ClosedByInterruptException) {
            return "interrupted";
        }
        if (failure instanceof RuntimeException && !(failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException || failure instanceof UnsupportedOperationException)) {
            // A null pointer, an index out of bounds: their messages speak of the code, not of the user's input.
            return INTERNAL;
        }
        String message = failure instanceof FileSystemException fs && fs.getFile() != null && fs.getReason() != null
                ? fs.getFile() + ": " + fs.getReason() : failure.getMessage();
        if (message != null && !message.isBlank() && !message.contains("Exception") && !message.contains("Error:")) {
            return shorten(message);
        }
        if (failure.getCause() != null && failure.getCause() != failure) {
            return reason(failure.getCause());
        }
        return failure instanceof IOException ? "an input or output error" : INTERNAL;
    }

    /** Whether the failure only carries another one across a thread or an interface, its cause being what failed. */
    private static boolean isWrapper(Throwable failure) {
        return failure instanceof UncheckedIOException || failure instanceof CompletionException
                || failure instanceof ExecutionException || failure.getClass() == RuntimeException.class;
    }

    /** Running out of memory, with what the user can do about it. */
    public static String outOfMemory() {
        return String.format(Locale.ROOT, "ran out of memory: the Java heap of %d MB is full", heapMegabytes());
    }

    /** The most memory this Java may use, in MB (its -Xmx). */
    public static long heapMegabytes() {
        return Runtime.getRuntime().maxMemory() / MB;
    }
}
