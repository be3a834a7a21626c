import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges the class lists of several starts of the app (java -XX:DumpLoadedClassList) into the one list
 * its class-data-sharing archive is made from, run by the package profile as a single-file program:
 * {@code java MergeClassLists.java OUT IN...}. Each line is kept once, in the order first seen, so that
 * every class still follows the classes it was loaded after. Java 17 fails to make an archive whose list
 * names the same lambda twice, which two lists of one app always do.
 */
public final class MergeClassLists {
    private MergeClassLists() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java MergeClassLists.java OUT IN...");
            System.exit(2);
        }
        Set<String> lines = new LinkedHashSet<>();
        for (int k = 1; k < args.length; k++) {
            lines.addAll(Files.readAllLines(Path.of(args[k])));
        }
        List<String> merged = new ArrayList<>(lines);
        Files.write(Path.of(args[0]), merged);
        System.out.println("class list for the archive: " + merged.size() + " lines from " + (args.length - 1) + " starts");
    }
}
