package org.spikefx.ui.model;

/** A rectangle of whole pixels: columns x to x+width-1, rows y to y+height-1. */
public record PixelRegion(int x, int y, int width, int height) {
}
