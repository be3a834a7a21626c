package org.spikefx.ui.pin;

/**
 * A small picture of a raster, made from its pixels without JavaFX: each pixel of the thumbnail is
 * the most opaque pixel of the block it covers, so that a lone spike stays visible when the picture is
 * shrunk (an average would fade it away).
 *
 * @param width  pixels across
 * @param height pixels down
 * @param argb   premultiplied ARGB pixels, row by row, as the raster keeps them
 */
public record Thumbnail(int width, int height, int[] argb) {

    public Thumbnail {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("a thumbnail needs width * height pixels, not " + argb.length
                    + " for " + width + " x " + height);
        }
        argb = argb.clone();
    }

    @Override
    public int[] argb() {
        return argb.clone();
    }

    /**
     * Shrinks a picture of {@code sourceWidth} x {@code sourceHeight} pixels to at most
     * {@code width} x {@code height} (never enlarging it).
     */
    public static Thumbnail of(int[] source, int sourceWidth, int sourceHeight, int width, int height) {
        if (sourceWidth < 1 || sourceHeight < 1) {
            return new Thumbnail(1, 1, new int[1]);
        }
        int across = Math.min(width, sourceWidth);
        int down = Math.min(height, sourceHeight);
        int[] pixels = new int[across * down];
        for (int y = 0; y < down; y++) {
            int fromRow = (int) ((long) y * sourceHeight / down);
            int toRow = (int) ((long) (y + 1) * sourceHeight / down);
            for (int x = 0; x < across; x++) {
                int fromColumn = (int) ((long) x * sourceWidth / across);
                int toColumn = (int) ((long) (x + 1) * sourceWidth / across);
                int darkest = 0;
                for (int row = fromRow; row < toRow; row++) {
                    for (int column = fromColumn; column < toColumn; column++) {
                        int pixel = source[row * sourceWidth + column];
                        if (pixel >>> 24 > darkest >>> 24) {
                            darkest = pixel;
                        }
                    }
                }
                pixels[y * across + x] = darkest;
            }
        }
        return new Thumbnail(across, down, pixels);
    }
}
