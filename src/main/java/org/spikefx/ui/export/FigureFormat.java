package org.spikefx.ui.export;

import java.nio.file.Path;
import java.util.Locale;

/** The image formats a figure is written in, told apart by the file's extension. */
public enum FigureFormat {
    /** Pixels, as the screen shows them (at a scale). */
    PNG,
    /** Vector paths and text. */
    SVG,
    /** An animation: the run coming in, frame by frame. */
    GIF;

    /** The format a file name asks for: .png or .svg, in any case. */
    public static FigureFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat format : values()) {
            if (name.endsWith(format.extension())) {
                return format;
            }
        }
        throw new IllegalArgumentException("cannot write " + file
                + ": a figure is written as .png or .svg, an animation as .gif");
    }

    /** The file name's ending: ".png", ".svg" or ".gif". */
    public String extension() {
        return "." + name().toLowerCase(Locale.ROOT);
    }
}
