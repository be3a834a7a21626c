package org.spikefx.ui.pin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A raster's thumbnail keeps every spike visible, however small it is. */
class ThumbnailTest {

    @Test
    void eachPixelIsTheMostOpaqueOfItsBlock() {
        int width = 8;
        int height = 4;
        int[] source = new int[width * height];
        int faint = 0x40102030;
        int strong = 0xff1b3a6b;
        source[0] = faint;
        source[1 * width + 1] = strong; // same 2 x 2 block as the faint one
        source[3 * width + 7] = faint;  // alone in the last block
        Thumbnail thumbnail = Thumbnail.of(source, width, height, 4, 2);
        assertEquals(4, thumbnail.width());
        assertEquals(2, thumbnail.height());
        assertArrayEquals(new int[] {strong, 0, 0, 0, 0, 0, 0, faint}, thumbnail.argb());
    }

    @Test
    void aSmallPictureIsNeverEnlarged() {
        int[] pixels = {0x11000001, 0x22000002, 0x33000003, 0x44000004, 0x55000005, 0x66000006};
        Thumbnail thumbnail = Thumbnail.of(pixels, 3, 2, 120, 36);
        assertEquals(3, thumbnail.width());
        assertEquals(2, thumbnail.height());
        assertArrayEquals(pixels, thumbnail.argb());
    }

    @Test
    void anEmptyRasterGivesOneClearPixel() {
        Thumbnail thumbnail = Thumbnail.of(new int[0], 0, 0, 120, 36);
        assertArrayEquals(new int[] {0}, thumbnail.argb());
    }
}
