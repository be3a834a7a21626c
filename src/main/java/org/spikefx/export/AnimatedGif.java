package org.spikefx.export;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF written frame by frame with the JDK's own GIF writer, looping for ever: each frame is
 * encoded as it comes, so an animation of many frames needs the memory of one. GIF counts frame times in
 * hundredths of a second, so the frame rates that show evenly are those that divide 100 (50, 25, 20, 10 …).
 */
public final class AnimatedGif implements AutoCloseable {
    /** Fastest rate a GIF shows faithfully: browsers slow down frames shorter than 2 hundredths. */
    public static final int MAX_FPS = 50;
    /** Frames an animation may have: two minutes at 25 frames per second, a GIF for a slide, not a film. */
    public static final int MAX_FRAMES = 3000;
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final int delayHundredths;
    private boolean first = true;
    private int frames;

    /** Starts an animation on {@code out} that shows {@code fps} frames per second. */
    public AnimatedGif(OutputStream out, double fps) throws IOException {
        if (!(fps > 0 && fps <= MAX_FPS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a GIF shows from a fraction of a frame up to %d frames per second, not %s", MAX_FPS, fps));
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no GIF writer");
        }
        writer = writers.next();
        stream = ImageIO.createImageOutputStream(out);
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
        delayHundredths = Math.max(1, (int) Math.round(100 / fps));
    }

    /** Appends a frame; all frames should have the size of the first. */
    public void add(BufferedImage frame) throws IOException {
        // An opaque RGB image: the writer reduces it to a palette of its own for each frame.
        BufferedImage rgb = frame;
        if (frame.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(frame, 0, 0, Color.WHITE, null);
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), null);
        describe(metadata);
        writer.writeToSequence(new IIOImage(rgb, null, metadata), null);
        first = false;
        frames++;
    }

    /** Frames written so far. */
    public int frames() {
        return frames;
    }

    /** Each frame's time on screen, in hundredths of a second. */
    public int delayHundredths() {
        return delayHundredths;
    }

    private void describe(IIOMetadata metadata) throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayHundredths));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            // The NETSCAPE2.0 block: loop for ever (a count of 0).
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(loop);
        }
        metadata.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int k = 0; k < root.getLength(); k++) {
            if (root.item(k).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(k);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** Ends the animation; the stream it was written to stays open. */
    @Override
    public void close() throws IOException {
        writer.endWriteSequence();
        stream.flush();
        writer.dispose();
        stream.close();
    }
}
